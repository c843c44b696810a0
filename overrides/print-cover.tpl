{#- The PDF edition's cover: the title, what the book is, the date of its latest review and its
    licences. The print-site plugin renders it with the MkDocs configuration as `config`. -#}
<div class="bb-cover">
  <h1>{{ config.site_name }}</h1>
  <p class="bb-cover-description">{{ config.site_description }}</p>
  <p class="bb-cover-reviewed">PDF edition, latest review: {{ config.extra.last_reviewed }}</p>
  {%- if "127.0.0.1" not in config.site_url %}
  <p class="bb-cover-address">{{ config.site_url }}</p>
  {%- endif %}
  <p class="bb-cover-licence">{{ config.copyright }}</p>
</div>
