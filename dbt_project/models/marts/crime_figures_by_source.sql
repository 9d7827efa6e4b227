with figures as (
    select * from {{ ref('int_figures_periods_matched') }}
    -- A syndicated copy repeats its original: counted once, under the original.
    where is_crime_metric and not is_near_duplicate
),

by_source as (
    select
        story_id,
        metric,
        location,
        period_key,
        any_value(period_label) as period_label,
        any_value(comparison_period_start) as period_start,
        any_value(comparison_period_end) as period_end,
        min(period_source) as period_source,
        outlet,
        -- An outlet that gives several values for one key is represented by the largest.
        max(value) as value,
        count(distinct value) as n_values,
        string_agg(distinct qualifier, ', ' order by qualifier) as qualifiers,
        bool_or(qualifier != 'exact') as is_approximate,
        string_agg(distinct attributed_to, '; ' order by attributed_to) as attributed_to,
        count(*) as n_mentions
    from figures
    group by story_id, metric, location, period_key, outlet
),

compared as (
    select
        *,
        count(*) over comparison as n_outlets,
        min(value) over comparison as min_value,
        max(value) over comparison as max_value,
        bool_or(is_approximate) over comparison as any_approximate
    from by_source
    window comparison as (partition by story_id, metric, location, period_key)
),

classified as (
    select
        story_id,
        metric,
        location,
        period_start,
        period_end,
        period_label,
        period_source,
        outlet,
        value,
        qualifiers,
        attributed_to,
        n_mentions,
        n_values,
        n_outlets,
        min_value,
        max_value,
        case
            when n_outlets = 1 then 'single_source'
            when {{ figures_agree('min_value', 'max_value', 'any_approximate') }} then 'agree'
            else 'conflict'
        end as agreement
    from compared
)

select * from classified
