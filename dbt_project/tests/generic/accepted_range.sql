{#- Values between min_value and max_value, nulls allowed (dbt_utils' accepted_range, which is not installable here). -#}
{% test accepted_range(model, column_name, min_value, max_value) %}
    select {{ column_name }}
    from {{ model }}
    where {{ column_name }} < {{ min_value }} or {{ column_name }} > {{ max_value }}
{% endtest %}
