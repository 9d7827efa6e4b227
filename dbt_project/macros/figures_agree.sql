{#- Whether two reported values agree: equal, or within the rounding tolerance
    (var `figure_rounding_tolerance`, a share of the larger value) when either is
    approximate ("more than 760", "about 1,700"). -#}
{% macro figures_agree(value_a, value_b, is_approximate) -%}
    (
        {{ value_a }} = {{ value_b }}
        or (
            {{ is_approximate }}
            and abs({{ value_a }} - {{ value_b }})
            <= {{ var('figure_rounding_tolerance') }} * greatest(abs({{ value_a }}), abs({{ value_b }}))
        )
    )
{%- endmacro %}
