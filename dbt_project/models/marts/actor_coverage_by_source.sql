with mentions as (
    select * from {{ ref('stg_nlp__entity_mentions') }}
    where entity_type in ('PERSON', 'ORG')
),

quotes as (
    select * from {{ ref('stg_nlp__quotes') }}
    where speaker is not null
),

articles as (
    -- A syndicated copy repeats its original: counted once, under the original.
    select * from {{ ref('int_articles_labelled') }}
    where not is_near_duplicate
),

-- A bare surname is the story's one full name that ends in it: "Obama" beside "Barack Obama".
story_actor_names as (
    select * from {{ ref('int_story_actor_names') }}
),

-- An actor's type is the one most of its mentions have; a tie goes to the person, so that a rebuild
-- gives the same table (DuckDB's mode() breaks ties arbitrarily).
actor_type_counts as (
    select
        entity as actor,
        entity_type,
        count(*) as n_mentions
    from mentions
    group by entity, entity_type
),

actor_types as (
    select
        actor,
        arg_max(entity_type, n_mentions * 2 + (entity_type = 'PERSON')::int) as actor_type
    from actor_type_counts
    group by actor
),

mentions_per_article as (
    select
        article_id,
        entity as actor,
        count(*) as mentions,
        min(start_char) as first_mention_char
    from mentions
    group by article_id, entity
),

quotes_per_article as (
    select
        article_id,
        speaker as actor,
        count(*) as quotes
    from quotes
    group by article_id, speaker
),

per_article as (
    select
        coalesce(mentions_per_article.article_id, quotes_per_article.article_id) as article_id,
        coalesce(mentions_per_article.actor, quotes_per_article.actor) as actor,
        coalesce(mentions_per_article.mentions, 0) as mentions,
        coalesce(quotes_per_article.quotes, 0) as quotes,
        mentions_per_article.first_mention_char
    from mentions_per_article
    full outer join quotes_per_article
        on
            mentions_per_article.article_id = quotes_per_article.article_id
            and mentions_per_article.actor = quotes_per_article.actor
),

by_source as (
    select
        articles.story_id,
        coalesce(story_actor_names.actor, per_article.actor) as actor,
        articles.outlet_label as outlet,
        count(distinct per_article.article_id) as n_articles,
        sum(per_article.mentions)::bigint as mentions,
        sum(per_article.quotes)::bigint as quotes,
        min(per_article.first_mention_char) as first_mention_char
    from per_article
    inner join articles on per_article.article_id = articles.article_id
    left join story_actor_names
        on
            articles.story_id = story_actor_names.story_id
            and per_article.actor = story_actor_names.actor_name
    -- An outlet naming itself (a dateline, a credit) is not an actor of the story.
    where per_article.actor is distinct from articles.outlet
    group by articles.story_id, coalesce(story_actor_names.actor, per_article.actor), articles.outlet_label
),

final as (
    select
        by_source.story_id,
        by_source.actor,
        coalesce(actor_types.actor_type, 'PERSON') as actor_type,
        by_source.outlet,
        by_source.mentions,
        by_source.quotes,
        by_source.n_articles,
        by_source.first_mention_char,
        -- How prominent the actor is in the outlet's coverage: 1 = named first.
        rank() over (
            partition by by_source.story_id, by_source.outlet
            order by by_source.first_mention_char nulls last
        ) as first_mention_rank,
        -- The actor's share of the quotes this outlet carries in the story.
        round(
            by_source.quotes
            / nullif(sum(by_source.quotes) over (partition by by_source.story_id, by_source.outlet), 0),
            3
        ) as quote_share
    from by_source
    left join actor_types on by_source.actor = actor_types.actor
)

select * from final
