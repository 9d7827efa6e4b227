{#- "Reuters reports 1,714 shootings (Donald Trump, politician)": one side of a conflict, in words. -#}
{% macro describe_claim(outlet, value, metric, attributed_to, role) -%}
    {{ outlet }} || ' reports '
    || case when {{ value }} = round({{ value }}) then format('{:,}', {{ value }}::bigint) else {{ value }}::varchar end
    || ' ' || replace({{ metric }}, '_', ' ')
    || case
        when {{ role }} = 'outlet' then ' (no source named)'
        when {{ attributed_to }} = {{ role }} then ' (' || {{ role }} || ')'
        else ' (' || {{ attributed_to }} || ', ' || {{ role }} || ')'
    end
{%- endmacro %}
