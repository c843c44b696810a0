// On a touch screen, tapping a reference number shows its source in place (Material's tooltip
// opens on focus) instead of jumping to the list of references; with a mouse or a keyboard the
// link works as usual. No request, no inline script: the Content-Security-Policy allows it.
document.addEventListener("click", (event) => {
  const ref = event.target instanceof Element ? event.target.closest("a.footnote-ref") : null
  if (ref && matchMedia("(hover: none)").matches) {
    event.preventDefault()
    ref.focus()
  }
})
