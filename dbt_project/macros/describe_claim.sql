{#- "Reuters reports 1,714 shootings (Donald Trump, politician)": one side of a conflict, in words. -#}
{% macro describe_claim(outlet, value, metric, attributed_to, role) -%}
    {{ outlet }} || ' reports '
    || case when {{ value }} = round({{ value }}) then format('{:,}', {{ value }}::bigint) else {{ value }}::varchar end
    || ' ' || case
        -- one of them in the singular: "1 person killed", "1 murder", not "1 people killed"
        when {{ value }} = 1 and starts_with({{ metric }}, 'people_') then 'person ' || replace(substr({{ metric }}, 8), '_', ' ')
        when {{ value }} = 1 then regexp_replace(replace({{ metric }}, '_', ' '), 's$', '')
        else replace({{ metric }}, '_', ' ')
    end
    || case
        when {{ role }} = 'outlet' then ' (no source named)'
        when {{ attributed_to }} = {{ role }} then ' (' || {{ role }} || ')'
        else ' (' || {{ attributed_to }} || ', ' || {{ role }} || ')'
    end
{%- endmacro %}
