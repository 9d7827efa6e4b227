{#- The range of true values a reported figure allows, from its qualifier. Bounds
    are inclusive: "more than 760" allows 760 and up, "at least 1" 1 and up,
    "fewer than 10" up to 10. A rounded figure ("about 1,700") allows the
    rounding tolerance (var `figure_rounding_tolerance`, a share of the value)
    either side, "nearly 60" that much below it; an exact count only itself.
    Two figures agree when their ranges overlap. -#}
{% macro figure_lower_bound(value, qualifier) -%}
    case {{ qualifier }}
        when 'fewer_than' then '-infinity'::double
        when 'about' then {{ value }} * (1 - {{ var('figure_rounding_tolerance') }})
        when 'nearly' then {{ value }} * (1 - {{ var('figure_rounding_tolerance') }})
        else {{ value }}
    end
{%- endmacro %}

{% macro figure_upper_bound(value, qualifier) -%}
    case {{ qualifier }}
        when 'more_than' then 'infinity'::double
        when 'at_least' then 'infinity'::double
        when 'about' then {{ value }} * (1 + {{ var('figure_rounding_tolerance') }})
        else {{ value }}
    end
{%- endmacro %}

{#- Whether two figures' ranges overlap (see figure_lower_bound). -#}
{% macro ranges_overlap(lower_a, upper_a, lower_b, upper_b) -%}
    (greatest({{ lower_a }}, {{ lower_b }}) <= least({{ upper_a }}, {{ upper_b }}))
{%- endmacro %}
