with figures as (
    select * from {{ ref('int_figures_periods_matched') }}
    -- A syndicated copy repeats its original: counted once, under the original.
    where is_crime_metric and not is_near_duplicate
),

bounded_figures as (
    select
        *,
        {{ figure_lower_bound('value', 'qualifier') }} as value_lower,
        {{ figure_upper_bound('value', 'qualifier') }} as value_upper,
        value = max(value) over (
            partition by story_id, metric, counted_group, location, period_key, outlet
        ) as is_largest
    from figures
),

by_source as (
    select
        story_id,
        metric,
        counted_group,
        location,
        period_key,
        any_value(period_label) as period_label,
        any_value(comparison_period_start) as period_start,
        any_value(comparison_period_end) as period_end,
        min(period_source) as period_source,
        outlet,
        -- An outlet that gives several values for one key is represented by the largest.
        max(value) as value,
        -- The range of true values that largest figure allows (the widest, when given twice).
        min(value_lower) filter (where is_largest) as value_lower,
        max(value_upper) filter (where is_largest) as value_upper,
        count(distinct value) as n_values,
        string_agg(distinct qualifier, ', ' order by qualifier) as qualifiers,
        string_agg(distinct attributed_to, '; ' order by attributed_to) as attributed_to,
        count(*) as n_mentions
    from bounded_figures
    group by story_id, metric, counted_group, location, period_key, outlet
),

compared as (
    select
        *,
        count(*) over comparison as n_outlets,
        min(value) over comparison as min_value,
        max(value) over comparison as max_value,
        -- Every outlet's range overlaps every other's exactly when they share a value:
        -- the largest lower bound is within the smallest upper bound.
        max(value_lower) over comparison as greatest_lower,
        min(value_upper) over comparison as least_upper
    from by_source
    -- Only counts of the same people are compared ("4 Israelis" is not "138 Palestinians").
    window comparison as (partition by story_id, metric, counted_group, location, period_key)
),

classified as (
    select
        story_id,
        metric,
        counted_group,
        location,
        period_start,
        period_end,
        period_label,
        period_source,
        outlet,
        value,
        value_lower,
        value_upper,
        qualifiers,
        attributed_to,
        n_mentions,
        n_values,
        n_outlets,
        min_value,
        max_value,
        case
            when n_outlets = 1 then 'single_source'
            when greatest_lower <= least_upper then 'agree'
            else 'conflict'
        end as agreement
    from compared
)

select * from classified
