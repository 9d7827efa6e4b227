{#- The kind of source a figure is attributed to: the `actor_roles` seed first;
    then `police` for any attribution naming the police, `outlet` when the figure
    is the outlet's own (no attribution in the text), else `other`. -#}
{% macro attribution_role(attributed_to, outlet, listed_role) -%}
    case
        when {{ listed_role }} is not null then {{ listed_role }}
        when {{ attributed_to }} is null or {{ attributed_to }} = {{ outlet }} then 'outlet'
        when lower({{ attributed_to }}) like '%police%' then 'police'
        else 'other'
    end
{%- endmacro %}
