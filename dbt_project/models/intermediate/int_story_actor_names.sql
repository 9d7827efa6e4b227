-- Outlets name one person differently: Politico's "Barack Obama" is Vox's "Obama". Extraction
-- resolves a surname within one article only; here, within one story, a one-word person name (a
-- PERSON mention or a quote's speaker) is the story's one person of that full surname. Two people
-- of it ("Barack Obama", "Michelle Obama") leave it as it is. A full name with a middle part
-- ("Donald J. Trump") is the story's one two-word name of the same first word and surname ("Donald
-- Trump"), as extraction does within one article, and so is one whose surname has a hyphenated
-- particle ("Bashar al-Assad" is "Bashar Assad"; "Assad" alone is he). Across the warehouse, such
-- spellings of one name take the one more articles write (see warehouse_spellings). A one-word name for which
-- the story has no full name is the warehouse's full name of that surname when one dominates: at
-- least {{ var('surname_min_share') }} of the articles naming someone of that surname in full name
-- them, in {{ var('surname_min_articles') }} articles or more ("Obama" -> "Barack Obama"; not
-- "Clinton", Hillary and Bill, nor NER debris such as "Has Google", found in one article).
with mentions as (
    select * from {{ ref('stg_nlp__entity_mentions') }}
    where entity_type = 'PERSON'
),

quotes as (
    select * from {{ ref('stg_nlp__quotes') }}
    where speaker is not null
),

articles as (
    select * from {{ ref('int_articles_labelled') }}
),

names_as_written as (
    select
        articles.story_id,
        mentions.entity as actor_name
    from mentions
    inner join articles on mentions.article_id = articles.article_id
    union
    select
        articles.story_id,
        quotes.speaker as actor_name
    from quotes
    inner join articles on quotes.article_id = articles.article_id
),

warehouse_full_names as (
    select
        entity as full_name,
        {{ surname_of('entity') }} as surname,
        lower(string_split(entity, ' ')[1]) as first_word,
        count(distinct article_id) as n_articles
    from mentions
    where
        -- every word capitalised ("Barack Obama", "H.R. McMaster", "Bashar al-Assad"), not NER debris
        -- like "think tank tweeted"
        regexp_full_match(entity, '\p{Lu}\S*( ((al|el|bin|ibn)-)?\p{Lu}\S*)+')
        and not regexp_matches(entity, ' (Jr|Sr|II|III|IV)\.?$')
    group by entity
),

-- One person's full name spelled two ways across the warehouse takes the spelling more articles
-- write: a middle part less ("Donald J. Trump" is "Donald Trump"; not "George W. Bush", which more
-- articles write than "George Bush", nor "George H.W. Bush", as "George Bush" could be either), a
-- hyphenated particle more or less ("Bashar Assad", "Bashar al-Assad").
warehouse_spellings as (
    select
        variant.full_name as written,
        any_value(common.full_name) as spelled
    from warehouse_full_names as variant
    inner join warehouse_full_names as common
        on
            variant.first_word = common.first_word
            and variant.surname = common.surname
            and (
                variant.n_articles < common.n_articles
                or (variant.n_articles = common.n_articles and variant.full_name > common.full_name)
            )
            and len(string_split(common.full_name, ' ')) = 2
            and (
                (len(string_split(variant.full_name, ' ')) >= 3 and not {{ has_surname_particle('common.full_name') }})
                or (
                    len(string_split(variant.full_name, ' ')) = 2
                    and {{ has_surname_particle('variant.full_name') }}
                    != {{ has_surname_particle('common.full_name') }}
                )
            )
            -- a first initial is no first name: "B. Todd Jones" is not "B. Jones"
            and not regexp_full_match(variant.first_word, '\p{L}\.?')
            -- a short form that a longer one outnumbers is ambiguous: "George Bush" beside "George W. Bush"
            and not exists (
                select 1
                from warehouse_full_names as longer
                where
                    longer.first_word = common.first_word
                    and longer.surname = common.surname
                    and len(string_split(longer.full_name, ' ')) >= 3
                    and longer.n_articles > common.n_articles
            )
    group by variant.full_name
    having count(distinct common.full_name) = 1
),

names as (
    select
        names_as_written.story_id,
        names_as_written.actor_name,
        coalesce(warehouse_spellings.spelled, names_as_written.actor_name) as spelled_name
    from names_as_written
    left join warehouse_spellings on names_as_written.actor_name = warehouse_spellings.written
),

full_names_as_written as (
    select distinct
        story_id,
        spelled_name as full_name,
        {{ surname_of('spelled_name') }} as surname
    from names
    where regexp_full_match(spelled_name, '\p{Lu}\S*( ((al|el|bin|ibn)-)?\p{Lu}\S*)+')
),

warehouse_people as (
    select
        coalesce(warehouse_spellings.spelled, warehouse_full_names.full_name) as full_name,
        any_value(warehouse_full_names.surname) as surname,
        sum(warehouse_full_names.n_articles) as n_articles
    from warehouse_full_names
    left join warehouse_spellings on warehouse_full_names.full_name = warehouse_spellings.written
    group by coalesce(warehouse_spellings.spelled, warehouse_full_names.full_name)
),

warehouse_surnames as (
    select
        surname,
        full_name,
        n_articles,
        n_articles / sum(n_articles) over (partition by surname) as share_of_articles,
        row_number() over (partition by surname order by n_articles desc, full_name asc) as rank_in_surname
    from warehouse_people
),

dominant_surnames as (
    select
        surname,
        full_name
    from warehouse_surnames
    where
        rank_in_surname = 1
        and share_of_articles >= {{ var('surname_min_share') }}
        and n_articles >= {{ var('surname_min_articles') }}
),

without_middle as (
    select
        long_names.story_id,
        long_names.full_name as actor_name,
        any_value(short_names.full_name) as actor
    from full_names_as_written as long_names
    inner join full_names_as_written as short_names
        on
            long_names.story_id = short_names.story_id
            and long_names.surname = short_names.surname
            and lower(string_split(long_names.full_name, ' ')[1])
            = lower(string_split(short_names.full_name, ' ')[1])
            and (
                len(string_split(long_names.full_name, ' ')) >= 3
                -- "Bashar al-Assad" (Reuters) is the "Bashar Assad" (AP) of the same story
                or {{ has_surname_particle('long_names.full_name') }}
            )
            and len(string_split(short_names.full_name, ' ')) = 2
            and not {{ has_surname_particle('short_names.full_name') }}
            and not regexp_full_match(string_split(long_names.full_name, ' ')[1], '\p{L}\.?')
            -- a suffix is no surname: "Donald Trump Jr." is not "Donald Jr."
            and not regexp_matches(long_names.full_name, ' (Jr|Sr|II|III|IV)\.?$')
    group by long_names.story_id, long_names.full_name
    having count(distinct short_names.full_name) = 1
),

-- The story's full names, each person once: "Donald J. Trump" and "Donald Trump" are one, so that
-- "Trump" alone in the story is he.
full_names as (
    select distinct
        full_names_as_written.story_id,
        coalesce(without_middle.actor, full_names_as_written.full_name) as full_name,
        full_names_as_written.surname
    from full_names_as_written
    left join without_middle
        on
            full_names_as_written.story_id = without_middle.story_id
            and full_names_as_written.full_name = without_middle.actor_name
),

resolved as (
    select
        names.story_id,
        names.actor_name,
        names.spelled_name,
        case
            when count(distinct full_names.full_name) = 1 then any_value(full_names.full_name)
            when count(distinct full_names.full_name) = 0
                then coalesce(any_value(dominant_surnames.full_name), names.spelled_name)
            else names.spelled_name
        end as actor
    from names
    left join dominant_surnames
        on
            regexp_full_match(names.actor_name, '\p{Lu}[\p{L}''’-]*\p{Ll}[\p{L}''’-]*')
            and lower(names.actor_name) = dominant_surnames.surname
    left join full_names
        on
            names.story_id = full_names.story_id
            -- a surname's shape ("Obama", "McMaster", "O'Rourke"), not an acronym ("ORR")
            and regexp_full_match(names.actor_name, '\p{Lu}[\p{L}''’-]*\p{Ll}[\p{L}''’-]*')
            and lower(names.actor_name) = full_names.surname
    group by names.story_id, names.actor_name, names.spelled_name
)

select
    resolved.story_id,
    resolved.actor_name,
    coalesce(without_middle.actor, resolved.actor) as actor
from resolved
left join without_middle
    on
        resolved.story_id = without_middle.story_id
        and resolved.spelled_name = without_middle.actor_name
