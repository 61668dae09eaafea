"""Plain-language Dutch search for the sociale kaart.

Public interface (views, the JSON API and the map use only this):

* ``search.query.run(SearchParams) -> SearchResult``: search services; the configured engine
  answers (OpenSearch or Elasticsearch when ``OPENSEARCH_URL`` / ``ELASTICSEARCH_URL`` is
  set), the embedded engine when that
  fails. ``SearchResult.engine`` says which one did.
* ``search.query.suggest(prefix, limit=8) -> list[str]``: suggestions while typing.
* ``search.params.parse(request.GET) -> Parsed``: read the query string (``ParamError``
  carries a Dutch message for a 400).
* ``search.indexing``: ``index_page``, ``remove_pages``, ``rebuild`` (signals call these).

Types live in ``search.types``.
"""
