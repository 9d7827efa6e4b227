with figures as (
    select * from {{ ref('int_figures_periods_matched') }}
),

final as (
    select
        figure_id,
        article_id,
        story_id,
        outlet,
        value,
        metric,
        is_crime_metric,
        counted_noun,
        counted_group,
        qualifier,
        period_label,
        period_start,
        period_end,
        location,
        attributed_to,
        mention_text,
        sentence,
        start_char,
        end_char,
        in_headline,
        extractor_version
    from figures
)

select * from final
