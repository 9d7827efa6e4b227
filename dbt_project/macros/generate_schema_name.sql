{#- Use the folder's schema name as is (marts, staging, ...), not "<target>_marts":
    users query marts.fct_figures, a name that must not depend on the target. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
