{# A person's surname, lowercased, for matching names of one person: the last word of the name
   without a hyphenated particle ("assad" for "Bashar al-Assad" and "Bashar Assad"), as extraction's
   `_name_key` and `HYPHENATED_PARTICLES` in include/newsetl/extract/entities.py. #}
{% macro surname_of(name) -%}
    regexp_replace(lower(string_split({{ name }}, ' ')[-1]), '^(al|el|bin|ibn)-', '')
{%- endmacro %}

{% macro has_surname_particle(name) -%}
    regexp_matches(lower(string_split({{ name }}, ' ')[-1]), '^(al|el|bin|ibn)-')
{%- endmacro %}
