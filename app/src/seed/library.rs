//! The demo council's learning academy: the resource library, learning paths and live events.
//!
//! Plain data only: the seeding code turns these into records. Every text is the project's
//! own, written for the synthetic "Demo Borough Council"; no publication's wording and no
//! council's actual data. Links point only to well-known public home or section pages.
//! Review dates are months from the seed day (negative means the review is already overdue),
//! and event sessions are days from the seed day, so the demo always shows resources that
//! are stale or due for review, events that are coming up and events already attended.

/// One item in the resource library.
pub struct ResourceSeed {
    /// Stable snake_case key, unique across the library.
    pub key: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    /// Safe Markdown; may be empty when `link` is set.
    pub body: &'static str,
    pub link: Option<&'static str>,
    /// One of the keys in [`RESOURCE_KINDS`].
    pub kind: &'static str,
    /// Career levels the resource is aimed at; empty means everyone.
    pub levels: &'static [&'static str],
    pub tags: &'static [&'static str],
    /// Keys from `framework::PATHWAY_CRITERIA`.
    pub criteria: &'static [&'static str],
    /// Months from the seed day until the resource is due for review; negative is overdue.
    pub review_by_months: i32,
}

/// An ordered learning path for a level or a role.
pub struct PathSeed {
    pub key: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub levels: &'static [&'static str],
    /// Roles the path is meant for, e.g. "supervisor"; empty means any role.
    pub roles: &'static [&'static str],
    /// Resource keys, or event keys prefixed "event:".
    pub steps: &'static [&'static str],
}

/// A live learning event with one or more sessions.
pub struct EventSeed {
    pub key: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub facilitator: &'static str,
    pub capacity: u32,
    pub online: bool,
    /// Room or venue, or "Online (Teams)".
    pub place: &'static str,
    /// Career levels the event is aimed at; empty means everyone.
    pub levels: &'static [&'static str],
    /// Bookings need the line manager's approval.
    pub needs_approval: bool,
    /// (days from the seed day, start hour, start minute, end hour, end minute), UK time.
    pub sessions: &'static [(i32, u8, u8, u8, u8)],
    pub criteria: &'static [&'static str],
}

/// The kinds are the library's own, so the seed and the curator's form cannot disagree.
pub use crate::academy::resource::RESOURCE_KINDS;

pub use crate::academy::resource::LIBRARY_LEVELS;

/// Kinds whose value is in their body, which must be a practical read of 80-250 words.
pub const BODY_KINDS: &[&str] = &[
    "guide",
    "one_minute_guide",
    "research_summary",
    "policy",
    "tool",
];

pub const RESOURCES: &[ResourceSeed] = &[
    // ---- Guides ----
    ResourceSeed {
        key: "asye_survival_guide",
        title: "Surviving and thriving in your ASYE",
        summary: "What the assessed and supported year asks of you, and the habits that get newly qualified social workers through it well.",
        body: r#"## What the year is for
Your Assessed and Supported Year in Employment is a year of **supported** practice, not a test you sit at the end. You have a protected caseload, protected development time (about a tenth of your week) and more supervision than at any later point in your career.

## The shape of the year
- **Reviews** at three, six and twelve months, with an optional one at nine.
- **At least three direct observations** of your practice with families.
- **Self-assessments** against the Knowledge and Skills Statements at the start, middle and end.
- A **critical reflection log** and a professional development plan you keep up to date.

## Habits that help
1. Block your development time in your calendar in the first week, and defend it.
2. Bring an agenda to supervision, including the case you least want to talk about.
3. Write reflections little and often: ten minutes after a hard visit beats an hour a month later.
4. Ask families and other professionals for feedback early, not in month eleven.

## When it gets hard
Tell your supervisor or ASYE coordinator early if visits or records are slipping. Sickness, bereavement and parental leave can pause the programme. Asking for help is part of the year, not a sign of failing it."#,
        link: None,
        kind: "guide",
        levels: &["nqsw"],
        tags: &["asye", "supervision", "wellbeing"],
        criteria: &[
            "nqsw_professionalism_2",
            "nqsw_professionalism_3",
            "nqsw_critical_reflection_1",
        ],
        review_by_months: 12,
    },
    ResourceSeed {
        key: "direct_work_with_children",
        title: "Direct work with children: seeing and hearing the child",
        summary: "Planning, carrying out and recording time alone with a child so that their daily experience shapes the assessment and the plan.",
        body: r#"## Why it matters
Reviews of serious harm keep returning to the same gap: the child was seen, but not heard. Direct work is how you learn what daily life is like for this particular child.

## Before the visit
- Read the file and note the child's age, language, communication needs and what they already know about why you are involved.
- Plan **one or two activities** that suit their age: drawing their house and who lives there, a feelings scale, three wishes, a walk to the shop.
- Agree with parents when and where you will see the child alone, and explain why.

## During the visit
- Say who you are and what you will do with what they tell you, in words they understand. Be honest that you cannot keep everything secret.
- Follow the child's lead; silence and play are communication too.
- Notice what you see: how the child moves, eats, plays and reacts to the adults around them.

## Afterwards
Record the child's words **as they said them**, what you observed, and what it tells you about their experience. Then show how it shaped your analysis and the plan, and feed back to the child where you can."#,
        link: None,
        kind: "guide",
        levels: &["nqsw", "social_worker"],
        tags: &["direct-work", "assessment"],
        criteria: &[
            "nqsw_skills_interventions_1",
            "nqsw_values_ethics_1",
            "sw_skills_interventions_1",
        ],
        review_by_months: 18,
    },
    ResourceSeed {
        key: "chronologies_that_work",
        title: "Chronologies that show the child's story",
        summary: "How to build and use a chronology as an analytical tool that reveals patterns, rather than a copy of every case note.",
        body: r#"## What a chronology is for
A chronology is an **analytical tool**, not a list of every contact. It lets you and others see patterns that single events hide: repeated missed health appointments, a string of police call-outs, the same worry raised by different agencies.

## What to include
- Significant events only: births, moves, changes of household, injuries, referrals, exclusions and key decisions.
- The **date**, the **source** and a one-line note of what happened.
- A short **impact** note: what did this mean for the child?

## Common pitfalls
- Copying whole case notes, so the chronology becomes too long to read.
- Leaving out other agencies' information because it is hard to get.
- Starting again with each new referral and losing the history.

## Using it
Re-read the chronology before each review and ask: **what pattern is here, and what would happen to the child if it carried on?** Take that question to supervision and write the answer into your analysis."#,
        link: None,
        kind: "guide",
        levels: &["nqsw", "social_worker"],
        tags: &["recording", "analysis", "neglect"],
        criteria: &[
            "nqsw_critical_reflection_2",
            "nqsw_contexts_organisations_3",
            "sw_knowledge_2",
        ],
        review_by_months: -3,
    },
    ResourceSeed {
        key: "analysis_in_assessments",
        title: "From description to analysis in assessments",
        summary: "A simple structure for moving from what you know about a family to what it means for the child and what should happen next.",
        body: r#"## The problem
Many assessments describe a family in careful detail and then stop. The reader is left asking: *so what does this mean for the child?*

## A simple structure
1. **What we know**: the key facts, with their sources.
2. **What it means**: how the facts affect this child's safety, development and wellbeing, using research where it helps.
3. **Worries and strengths**: weigh the dangers against what is working, honestly.
4. **If nothing changes**: be specific about the likely future for the child.
5. **What needs to happen**: the recommendation, and how we will know it has worked.

## Tips
- Name your **hypothesis** and the evidence that would prove it wrong.
- Show where family members disagree with you, and why you have reached your view.
- Watch for **over-optimism**: small improvements during a crisis do not always last.
- Use the child's own words to anchor the analysis.

## Check before you submit
Could a manager who has never met the family understand why you recommend what you do?"#,
        link: None,
        kind: "guide",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["assessment", "analysis"],
        criteria: &[
            "sw_critical_reflection_1",
            "sw_critical_reflection_2",
            "ssw_critical_reflection_1",
        ],
        review_by_months: 15,
    },
    ResourceSeed {
        key: "child_protection_conferences",
        title: "Preparing for child protection conferences",
        summary: "Getting the report, the family and the network ready for a conference, and writing a plan that everyone can act on.",
        body: r#"## Before the conference
- Share your report with parents **in good time**, as local procedures require, and go through it with them so there are no surprises on the day.
- Make sure the child's views are in the report, in their words, and agree how they will be represented.
- Check that partners have been invited and know to send a report if they cannot attend.

## On the day
- Present **analysis, not narrative**: the conference has read the report, so focus on the worries and why they matter.
- Keep language plain; avoid jargon that parents will not follow.
- Listen to the parents' account and be ready to say what would change your view.

## The plan
A good plan says **who** does **what** by **when**, and how everyone will know the child is safer. Avoid actions like "engage with services": say which service, for what, and how often.

## Afterwards
Send the plan out quickly, hold the first core group within ten working days, and keep the child at the centre of every meeting."#,
        link: None,
        kind: "guide",
        levels: &["nqsw", "social_worker"],
        tags: &["child-protection", "multi-agency"],
        criteria: &[
            "nqsw_contexts_organisations_2",
            "nqsw_skills_interventions_3",
            "sw_values_ethics_1",
        ],
        review_by_months: 10,
    },
    ResourceSeed {
        key: "writing_court_statements",
        title: "Writing social work statements for court",
        summary: "Principles and a structure for clear, balanced and evidenced statements in care proceedings.",
        body: r#"## Who reads it
Your statement is read by the judge, the children's guardian, the parents' lawyers and perhaps, one day, the child. Write for all of them.

## Principles
- **Evidence every claim**: the date, the source and how you know it.
- Keep **fact, opinion and analysis** clearly apart.
- Be **balanced**: include the parents' strengths and what they have done well.
- Use **plain English**, and explain any social work term you have to use.
- Keep it proportionate: the court wants your analysis, not the whole file.

## A structure that works
1. Background and a short chronology.
2. The child's needs, experiences and wishes.
3. Parenting capacity, including the support offered and how parents used it.
4. Analysis of the realistic options for the child, weighed side by side.
5. Your recommendation and the care plan.

## Practicalities
Agree deadlines with legal services early, ask a senior colleague to read the draft, and check every date against the record before you sign the statement of truth."#,
        link: None,
        kind: "guide",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["court", "law", "recording"],
        criteria: &["sw_rights_justice_1", "ssw_critical_reflection_1"],
        review_by_months: 9,
    },
    ResourceSeed {
        key: "contextual_safeguarding_guide",
        title: "Contextual safeguarding: harm outside the home",
        summary: "Assessing and planning for young people harmed in places and relationships beyond the family, with the partners who shape those places.",
        body: r#"## The idea
Young people can be harmed in places and relationships beyond their family: parks, schools, transport hubs, online spaces and peer groups. Parents may have little control over these places, so a plan aimed only at parents may not make the young person any safer.

## In practice
- **Map the contexts**: where does the young person spend time, with whom, and where do they feel safe or unsafe?
- **Work with the people who shape those places**: schools, youth workers, transport staff, shop owners, community safety teams and police.
- **Assess the place as well as the person**: a park or a peer group can be the focus of a plan.
- **Keep parents as partners**, not the people to blame.

## Language matters
Avoid words that suggest a child chose to be harmed, such as "putting themselves at risk". Children cannot consent to their own exploitation.

## Next steps
Use the local exploitation screening tool and bring cases to the multi-agency exploitation meeting early. Working Together to Safeguard Children sets out what is expected when children face harm outside the home."#,
        link: None,
        kind: "guide",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["exploitation", "adolescents", "multi-agency"],
        criteria: &["sw_knowledge_2", "ssw_contexts_organisations_2"],
        review_by_months: 20,
    },
    ResourceSeed {
        key: "working_with_fathers",
        title: "Working with fathers and men in children's lives",
        summary: "Finding, involving and assessing fathers, stepfathers and partners, who are too often invisible to children's services.",
        body: r#"## Why this matters
National reviews of harm to babies have found that men in the household, whether birth fathers, stepfathers or new partners, are often **invisible** to services: not seen, not assessed and not offered support. Yet they can be a source of risk, of protection, or both.

## What good practice looks like
- Ask early: **who are the important men in this child's life?** Include fathers who live elsewhere and partners who visit.
- Invite fathers to meetings directly, at times they can attend, and send them copies of plans.
- Check the history of each man in the household with police and other agencies.
- Assess fathers' parenting, not only mothers' ability to protect.
- Notice your own assumptions: are you expecting mothers to manage risks that men pose?

## Recording
Record each father's name, whether he has parental responsibility, how he was contacted and what his views are. If you could not involve him, say what you tried and what you will try next."#,
        link: None,
        kind: "guide",
        levels: &[],
        tags: &["fathers", "parents", "assessment"],
        criteria: &["sw_skills_interventions_2", "sw_diversity_equality_2"],
        review_by_months: 1,
    },
    ResourceSeed {
        key: "life_story_work_guide",
        title: "Life story work with children in care",
        summary: "Helping children who cannot live with their birth family understand who they are, where they came from and why.",
        body: r#"## Why it matters
Children who cannot live with their birth family often have gaps in their story. Without help they may fill the gaps with guesses, often blaming themselves. Life story work helps a child understand **who they are, where they came from and why they live where they do**.

## Principles
- It is an ongoing process, not only a book handed over at the end.
- Tell the truth in a way the child can manage at their age, and add more as they grow.
- Include the good things: photos, family members who cared, the child's early achievements.
- Involve carers, who will answer the child's questions long after you have moved on.

## Practical steps
1. Gather information early: photos, birth details, names, places and the reasons for decisions.
2. Plan sessions with the carer; keep them short and led by the child.
3. Use a timeline, a map of places lived and a simple family tree.
4. Write a later life letter that explains, honestly and kindly, what happened and why."#,
        link: None,
        kind: "guide",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["permanence", "direct-work", "identity"],
        criteria: &[
            "sw_skills_interventions_1",
            "ssw_skills_interventions_3",
            "ssw_diversity_equality_3",
        ],
        review_by_months: 14,
    },
    ResourceSeed {
        key: "anti_racist_practice_guide",
        title: "Anti-racist practice in children's social work",
        summary: "Noticing and acting on how racism shapes families' lives and the service's own responses, in visits, supervision and service data.",
        body: r#"## Starting point
Black, Asian and mixed heritage children and families experience children's services differently. Some groups are over-represented in child protection and care; others are under-served by early help. Anti-racist practice means **noticing this and acting on it**, not only avoiding obvious discrimination.

## In your own practice
- Explore **identity** with each family: heritage, language, faith, culture and experiences of racism. Ask; do not assume.
- Watch for **adultification**: seeing Black children as older, less innocent or less in need of protection than they are.
- Check whether your words about a family would be the same if they were white British.
- Book interpreters; never ask children to interpret for their parents.

## In supervision
Bring cases where race or culture may be shaping decisions. Supervisors should ask directly: *how might racism be affecting this family, and our response to them?*

## As a service
Look at who is referred, who is on plans and who comes into care, and ask why the patterns are as they are."#,
        link: None,
        kind: "guide",
        levels: &[],
        tags: &["anti-racism", "identity", "reflection"],
        criteria: &[
            "nqsw_diversity_equality_2",
            "sw_diversity_equality_2",
            "ap_diversity_equality_2",
        ],
        review_by_months: 8,
    },
    ResourceSeed {
        key: "disabled_children_communication",
        title: "Communicating with disabled children",
        summary: "Finding out how a disabled child communicates, hearing their views, and guarding against signs of harm being put down to their impairment.",
        body: r#"## The starting principle
Every child communicates. A child who does not use speech still has views, and the council still has to seek them.

## Before you meet
- Find out **how the child communicates**: signs, symbols, pictures, a communication device, gestures or behaviour.
- Ask parents, teachers and therapists what the child's "yes", "no" and "I'm upset" look like.
- Plan extra time and, if needed, an interpreter or communication support worker.

## Watch for
- **Diagnostic overshadowing**: putting signs of harm down to the child's impairment.
- Relying on parents' views because it is quicker than hearing the child.
- Intimate care and isolation, which can increase the risk of abuse going unnoticed.

## Recording
Record how the child communicated, who helped, what you observed and how confident you are that you understood. Say what you would do differently next time, and pass on what worked to the next worker."#,
        link: None,
        kind: "guide",
        levels: &["social_worker"],
        tags: &["disability", "direct-work"],
        criteria: &["sw_diversity_equality_1", "sw_diversity_equality_3"],
        review_by_months: 16,
    },
    ResourceSeed {
        key: "leading_practice_supervision",
        title: "Leading practice: from practitioner to practice supervisor",
        summary: "What changes when you start supervising others, the functions of good supervision, and habits of effective practice supervisors.",
        body: r#"## A change of role
Moving into practice supervision changes what you answer for. You are no longer accountable only for your own cases, but for **the quality of thinking** of the people you supervise.

## What good supervision does
Good supervision brings together four functions:
- **Management**: is the work done, safely and on time?
- **Development**: is the practitioner learning and growing?
- **Support**: how is the emotional impact of the work being held?
- **Mediation**: linking the worker, the organisation and partner agencies.

## Habits of effective practice supervisors
1. Ask more questions than you answer: *what do you think is happening for this child?*
2. Name **bias and drift** kindly but clearly.
3. Observe direct practice rather than relying only on case discussion.
4. Record decisions, and the reasons for them, on the child's file.

## Looking after yourself
Find your own supervision and a peer group of other supervisors. The role can be lonely without them."#,
        link: None,
        kind: "guide",
        levels: &["senior_social_worker", "advanced_practitioner"],
        tags: &["leadership", "supervision"],
        criteria: &[
            "ssw_professional_leadership_3",
            "ap_professional_leadership_2",
            "ap_critical_reflection_2",
        ],
        review_by_months: 22,
    },
    ResourceSeed {
        key: "guide_giving_evidence",
        title: "Giving evidence in the family court",
        summary: "Preparing for the witness box, answering questions clearly and staying steady under cross-examination.",
        body: r#"## Before the hearing
- Read your statement, the chronology and the care plan again. **Know your evidence.**
- Meet the council's advocate and ask which issues are likely to be raised.
- Visit the court building, or sit in on a hearing if you have never been.

## In the witness box
- Take the oath or affirm. Listen to each question and pause before answering.
- Give your answers to the **judge**, not to the lawyer asking the question.
- Keep answers short. If you do not know, say so; if you do not understand, ask for the question again.
- You may ask to look at your statement or the records before answering.

## Cross-examination
The parents' lawyers will test your evidence; that is their job. Stay calm and courteous. Accept points fairly where they are right: it strengthens your credibility rather than weakening it.

## Afterwards
Debrief with your manager or a trusted colleague. Giving evidence is demanding; reflect on what went well and what you would do differently next time."#,
        link: None,
        kind: "guide",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["court", "law"],
        criteria: &["sw_rights_justice_1", "ssw_rights_justice_1"],
        review_by_months: 10,
    },
    ResourceSeed {
        key: "guide_permanence_planning",
        title: "Permanence planning for children in care",
        summary: "Planning early for a secure, stable family life for every child in care, and keeping plans from drifting.",
        body: r#"## What permanence means
Permanence is about giving a child a **secure, stable and loving family** and a sense of belonging that lasts into adulthood. It can come through a return home, care by family or friends, special guardianship, long-term fostering, adoption or, for some older young people, residential care with lasting relationships.

## Key expectations
- Every child in care should have a **permanence plan** by their second looked-after review.
- Consider **parallel planning** when a return home is uncertain, so the child is not left waiting.
- Assess family and friends early, ideally before proceedings start.

## Good practice
- Keep the child's voice at the centre: ask who matters to them.
- Plan for **brothers and sisters** to stay together unless there are clear reasons not to, and record those reasons.
- Plan family time around the child's needs and wishes.
- Explain the plan to the child in words they understand, and come back to it as they grow.

## Avoiding drift
Review progress at each looked-after review with the independent reviewing officer, and escalate when the plan has stalled."#,
        link: None,
        kind: "guide",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["permanence", "fostering", "law"],
        criteria: &["sw_values_ethics_3", "ssw_skills_interventions_3"],
        review_by_months: 12,
    },
    ResourceSeed {
        key: "guide_kss_and_pcf",
        title: "The PCF, the KSS and our career pathway",
        summary: "How the Professional Capabilities Framework and the Knowledge and Skills Statements fit together in the council's pathway, and the changes due in 2027.",
        body: r#"## Two frameworks, one pathway
- The **Professional Capabilities Framework (PCF)**, held by BASW, describes social work capability across **nine domains** at each stage of a career. It is meant to be read **as a whole**, not ticked off line by line.
- The **Knowledge and Skills Statements (KSS)** for child and family practitioners set out what the Department for Education expects social workers to know and do, and underpin the ASYE assessment.

## How our pathway uses them
Each level of our pathway has criteria written in the council's own words, grouped under the nine PCF domains. Each criterion shows which KSS statements it links to, so **one piece of evidence** can count towards both.

## Changes ahead
New early career standards for child and family social workers apply from April 2027, and a two-year early career programme replaces the ASYE from September 2027. The pathway is versioned, so we can move to new frameworks without losing anyone's history.

## Using it
Read the next level's criteria early, and agree in supervision which ones you can start evidencing now."#,
        link: None,
        kind: "guide",
        levels: &[],
        tags: &["cpd", "asye", "reflection"],
        criteria: &["nqsw_critical_reflection_3", "ssw_critical_reflection_3"],
        review_by_months: 7,
    },
    ResourceSeed {
        key: "guide_supervising_asye",
        title: "Supervising and assessing an NQSW",
        summary: "Holding the support and assessment roles together through a newly qualified social worker's first year.",
        body: r#"## Your two roles
As supervisor or assessor of an NQSW you both **support** their learning and **assess** whether they meet the standard. Be open with the NQSW about both roles from the start.

## The first weeks
- Agree a **learning agreement** covering supervision, protected time and the caseload.
- Supervise weekly for the first six weeks.
- Introduce them to the team, partner agencies and the recording system.

## Through the year
- Plan **three or more direct observations** early, spread across different kinds of work.
- Give honest feedback linked to specific criteria, with examples.
- Keep an eye on caseload size, complexity and wellbeing.
- Raise concerns about progress **early**, with a clear support plan, not at the twelve-month review.

## Writing your recommendation
Base it on evidence from the whole year: observations, feedback from families and colleagues, the reflection log and your supervision records. Say clearly how the evidence meets the standard, and where it does not yet."#,
        link: None,
        kind: "guide",
        levels: &["senior_social_worker", "advanced_practitioner"],
        tags: &["asye", "supervision", "leadership"],
        criteria: &["ssw_professionalism_2", "ap_skills_interventions_3"],
        review_by_months: 11,
    },
    // ---- One-minute guides ----
    ResourceSeed {
        key: "omg_preparing_for_supervision",
        title: "One-minute guide: preparing for supervision",
        summary: "A quick checklist for getting the most from each supervision session.",
        body: r#"## Before
- List the cases you need to discuss, **starting with the one you are most worried about**.
- Note the decisions you need and the questions you are stuck on.
- Bring one piece of learning or reflection since last time.

## During
- Use the time to **think**, not only to report progress.
- Say how the work is affecting you.
- Check that decisions and the reasons for them are recorded on each child's file.

## After
- Act on the agreed actions, and tell your supervisor if something changes before you next meet.
- A supervision session that includes reflection can count as **peer reflection** for your CPD record."#,
        link: None,
        kind: "one_minute_guide",
        levels: &["nqsw", "social_worker"],
        tags: &["supervision", "reflection"],
        criteria: &["nqsw_professionalism_2", "sw_professionalism_2"],
        review_by_months: 11,
    },
    ResourceSeed {
        key: "omg_section_47_enquiries",
        title: "One-minute guide: section 47 enquiries",
        summary: "When the council must make child protection enquiries, and the key steps from strategy discussion to outcome.",
        body: r#"## What it is
When there is reasonable cause to suspect a child is suffering, or likely to suffer, significant harm, the council must make enquiries under **section 47 of the Children Act 1989** to decide whether it should act to safeguard the child.

## Key steps
- A **strategy discussion** with police, health and other agencies decides whether enquiries are needed and how they will be carried out.
- See the child, **alone where appropriate**, and record what they say.
- Gather information from every agency involved.
- Reach a conclusion: concerns not substantiated, continued support, or an initial child protection conference.

## Remember
- Tell parents what is happening and why, unless doing so would put the child at greater risk.
- Check with your manager if you are unsure about thresholds.
- Record each decision, who made it and why."#,
        link: None,
        kind: "one_minute_guide",
        levels: &["nqsw"],
        tags: &["child-protection", "law"],
        criteria: &["nqsw_rights_justice_3", "nqsw_knowledge_2"],
        review_by_months: -2,
    },
    ResourceSeed {
        key: "omg_information_sharing",
        title: "One-minute guide: sharing information to keep children safe",
        summary: "The questions to ask before sharing, when consent is and is not needed, and what to record.",
        body: r#"## The basics
Data protection law **does not stop you sharing** information to keep a child safe. Worry about breaking the rules should never get in the way of protecting a child.

## Ask yourself
- Is sharing **necessary and proportionate** for the purpose?
- Is it going to the right people, and only what they need to know?
- Is it **accurate and up to date**?
- Is it being shared **securely** and in time to make a difference?

## Consent
Seek consent where it is safe to do so, and explain why you are sharing. You can share without consent when asking would put a child at risk, or when the need to protect the child outweighs the family's wish for privacy.

## Record
Write down what you shared, with whom, when, why, and whether you had consent. If you decide not to share, record that decision and your reasons too."#,
        link: None,
        kind: "one_minute_guide",
        levels: &[],
        tags: &["multi-agency", "recording", "law"],
        criteria: &["nqsw_values_ethics_2", "nqsw_contexts_organisations_1"],
        review_by_months: 7,
    },
    ResourceSeed {
        key: "omg_graded_care_profile",
        title: "One-minute guide: the Graded Care Profile 2",
        summary: "What the Graded Care Profile 2 measures, why it helps in neglect work, and how to use it with families.",
        body: r#"## What it is
The Graded Care Profile 2 (GCP2) is a tool for assessing the **quality of care** a child receives, widely used where neglect is a worry. It looks at care across several areas, including physical care, safety, love and care, and stimulation and education, and grades each one.

## Why use it
- It gives families and professionals a **shared language** about care.
- It shows **strengths** as well as gaps.
- Repeating it shows whether care is improving, standing still or getting worse.

## Tips
- You must be **trained** before using GCP2; the council holds the licence.
- Complete it **with** the family where you can, not about them.
- Base grades on what you see over more than one visit.
- Use the results in your analysis and plan; do not just attach the form to the record."#,
        link: None,
        kind: "one_minute_guide",
        levels: &["nqsw", "social_worker"],
        tags: &["neglect", "assessment"],
        criteria: &[
            "nqsw_knowledge_2",
            "nqsw_skills_interventions_2",
            "sw_knowledge_2",
        ],
        review_by_months: 13,
    },
    ResourceSeed {
        key: "omg_child_exploitation_signs",
        title: "One-minute guide: spotting child exploitation",
        summary: "Signs that a child may be sexually or criminally exploited, and the first steps to take.",
        body: r#"## What it is
Child exploitation happens when someone uses an imbalance of power to coerce, control or deceive a child into sexual or criminal activity, often in exchange for something the child wants or needs. It can happen in person or online.

## Signs to notice
- Going missing, especially repeatedly, or coming home very late.
- New phones, clothes or money that cannot be explained.
- Older friends, new relationships or links to known groups.
- A sudden drop in school attendance, or exclusion.
- Injuries, fear or marked changes in mood.
- Travelling to places with no clear reason.

## What to do
- Talk with the young person without judgement.
- Complete the local exploitation screening and share it with the exploitation team.
- Consider a **National Referral Mechanism** referral if trafficking may be involved.
- Remember: a child **cannot consent** to their own exploitation."#,
        link: None,
        kind: "one_minute_guide",
        levels: &[],
        tags: &["exploitation", "adolescents"],
        criteria: &["nqsw_knowledge_2", "sw_knowledge_2"],
        review_by_months: 2,
    },
    ResourceSeed {
        key: "omg_domestic_abuse_coercive_control",
        title: "One-minute guide: domestic abuse and coercive control",
        summary: "Looking at patterns of control rather than single incidents, and keeping children and adult victims safe.",
        body: r#"## Key points
- Domestic abuse is not only physical violence. It includes **coercive control**: a pattern of threats, humiliation, isolation and monitoring that limits a person's freedom.
- Under the Domestic Abuse Act 2021, children who see, hear or experience the effects of domestic abuse are **victims in their own right**.

## In assessments
- Focus on the **pattern of behaviour**, not single incidents.
- Hold the person causing harm to account; do not make the adult victim solely responsible for protecting the children.
- See each adult separately, and never raise concerns in a way that could increase the danger.
- Ask children about their experience: what happens at home when the grown-ups argue?

## Safety
Use the DASH risk checklist where appropriate and refer high-risk cases to the MARAC. Plan every visit with your own safety and the victim's safety in mind."#,
        link: None,
        kind: "one_minute_guide",
        levels: &["nqsw", "social_worker"],
        tags: &["domestic-abuse", "parents"],
        criteria: &["nqsw_knowledge_3", "sw_knowledge_2"],
        review_by_months: 17,
    },
    ResourceSeed {
        key: "omg_pre_proceedings",
        title: "One-minute guide: the pre-proceedings process",
        summary: "How pre-proceedings under the Public Law Outline give parents a clear, supported last chance to change before court.",
        body: r#"## What it is
When the council is considering court proceedings but believes change may still be possible, it can start **pre-proceedings** under the Public Law Outline. This gives parents a final, clear chance to make changes, with legal help.

## Steps
1. A legal planning meeting agrees that the threshold for proceedings may be met.
2. The council sends a **letter before proceedings** setting out its worries in plain language. The letter entitles parents to free legal advice.
3. A **pre-proceedings meeting** with parents and their solicitors agrees a plan, with clear actions and timescales.
4. Regular reviews decide whether things are improving enough for the child.

## Good practice
- Write the letter so that parents can understand it; avoid jargon.
- Explore family and friends who could care for the child, and consider a family group conference.
- Keep timescales tight enough for the child: drift harms children."#,
        link: None,
        kind: "one_minute_guide",
        levels: &["social_worker"],
        tags: &["court", "law", "parents"],
        criteria: &["sw_rights_justice_2", "sw_knowledge_3"],
        review_by_months: 0,
    },
    ResourceSeed {
        key: "omg_parental_responsibility",
        title: "One-minute guide: parental responsibility",
        summary: "Who holds parental responsibility, how it can be gained or shared, and why you must check it at the start of every case.",
        body: r#"## What it means
Parental responsibility (PR) is the set of legal rights, duties and powers a parent has for a child, as defined in the Children Act 1989.

## Who has it
- A birth mother, automatically.
- A father who was married to the mother at the birth, is named on a birth certificate registered from December 2003, or has a PR agreement or court order.
- A second female parent in some circumstances.
- Anyone named in a child arrangements order as a person the child lives with, and special guardians.
- The council, **shared with parents**, while a care order is in force.

## Why it matters to you
- Check who holds PR at the start of every case, and record it.
- Anyone with PR can remove a child from **section 20** accommodation at any time.
- Seek legal advice whenever PR is unclear or disputed."#,
        link: None,
        kind: "one_minute_guide",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["law", "permanence"],
        criteria: &["sw_knowledge_3", "ssw_rights_justice_2"],
        review_by_months: 19,
    },
    ResourceSeed {
        key: "omg_cpd_social_work_england",
        title: "One-minute guide: CPD for Social Work England",
        summary: "The yearly CPD requirements for registration, and what makes a good record.",
        body: r#"## The rules each registration year
- The registration year runs from **1 December to 30 November**.
- Record **at least two** pieces of CPD online.
- At least one must include **peer reflection**: a discussion with a colleague, supervision, group supervision or a reflective team meeting.
- Two identical records will not be accepted.

## What a good record covers
- What you did and why it was relevant to your work.
- What you learnt.
- How it has improved your practice and the experience of the people you work with.
- For peer reflection: what you learnt from the conversation.

## Tips
Record as you go, not in November. Training, reading, a podcast or a reflective discussion can all count. Missing the deadline can put your registration at risk."#,
        link: Some("https://www.socialworkengland.org.uk/"),
        kind: "one_minute_guide",
        levels: &[],
        tags: &["cpd", "reflection"],
        criteria: &["nqsw_professionalism_1"],
        review_by_months: 1,
    },
    ResourceSeed {
        key: "omg_family_group_conferences",
        title: "One-minute guide: family group conferences",
        summary: "How a family group conference lets the family network make the plan, and when to offer one.",
        body: r#"## What it is
A family group conference (FGC) is a meeting where the **family network makes a plan** for a child, supported by an independent coordinator.

## How it works
1. The coordinator helps the family decide who should come: relatives, friends and sometimes members of their community.
2. Professionals share information and their worries, and say what any plan must achieve.
3. In **private family time**, professionals leave the room and the family makes its plan.
4. The plan is agreed if it keeps the child safe, and the resources it needs are confirmed.

## When to use it
- Early, when worries first start to grow.
- Before or during pre-proceedings, to find family carers.
- When a young person is at risk of coming into care.

## Why it works
Families often see solutions professionals cannot, and plans they have made themselves are more likely to last."#,
        link: None,
        kind: "one_minute_guide",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["parents", "multi-agency"],
        criteria: &["sw_values_ethics_3", "ssw_skills_interventions_2"],
        review_by_months: 9,
    },
    ResourceSeed {
        key: "omg_parental_substance_misuse",
        title: "One-minute guide: parental drug and alcohol use",
        summary: "What to explore when a parent uses drugs or alcohol, and how to work with adult treatment services.",
        body: r#"## Key points
A parent's drug or alcohol use does not always mean a child is harmed, but it can affect **routines, supervision, safety, money and emotional availability**.

## What to explore
- What is used, how often, and where the children are at the time.
- Who looks after the children when the parent is under the influence.
- Safe storage of drugs, needles and medicines, including substitute prescriptions.
- Links with mental ill health and domestic abuse, which often occur together.
- The child's own experience: what is home like at the weekend?

## Working with services
- Ask for consent to talk to the adult treatment service, and share your worries about the children.
- Agree one joined-up plan, so that treatment goals and the child's plan fit together.

## Watch for
Relying on what parents tell you alone. Use testing only where it helps answer a clear question about the child's safety."#,
        link: None,
        kind: "one_minute_guide",
        levels: &["nqsw", "social_worker"],
        tags: &["parents", "assessment"],
        criteria: &["nqsw_knowledge_3", "sw_contexts_organisations_3"],
        review_by_months: 8,
    },
    ResourceSeed {
        key: "omg_power_and_authority_in_supervision",
        title: "One-minute guide: power and authority in supervision",
        summary: "Using a supervisor's authority openly and fairly, and noticing how it shapes practice with families.",
        body: r#"## Why think about power?
As a supervisor you hold **authority**: over case decisions, workloads and a supervisee's progress. Used well, it gives clarity and safety. Used poorly, it silences people.

## Using authority well
- Be clear about which decisions are yours and which are the practitioner's.
- Explain your reasons, so practitioners learn how you think.
- Invite challenge, and thank people for it.
- Notice differences of race, gender, age and experience between you and your supervisee, and talk about them.

## Mirroring
How you use power with practitioners often shapes how they use power with families. Supervision that is respectful, honest and curious models the practice you want to see.

## Ask yourself
*Does my supervisee feel able to tell me when they have made a mistake?*"#,
        link: None,
        kind: "one_minute_guide",
        levels: &["senior_social_worker", "advanced_practitioner"],
        tags: &["supervision", "leadership"],
        criteria: &["ssw_values_ethics_1", "ap_values_ethics_3"],
        review_by_months: 14,
    },
    // ---- Videos ----
    ResourceSeed {
        key: "video_seeing_the_child",
        title: "Video: seeing the child alone",
        summary: "Short films on planning time alone with a child and capturing their voice in the record.",
        body: r#"**While you watch**, notice how the worker explains confidentiality, chooses an activity that suits the child's age, and follows the child's lead.

**Afterwards**, plan your next visit with the home visit planner. The link opens the provider's site; search for "direct work"."#,
        link: Some("https://www.researchinpractice.org.uk/"),
        kind: "video",
        levels: &["nqsw"],
        tags: &["direct-work", "assessment"],
        criteria: &["nqsw_skills_interventions_1"],
        review_by_months: 12,
    },
    ResourceSeed {
        key: "video_family_court_walkthrough",
        title: "Video: a walk through a family court hearing",
        summary: "Who is who in a family court, where people sit, and what happens at each stage of a hearing.",
        body: r#"**Useful before your first hearing.** Pay attention to how evidence-in-chief, cross-examination and re-examination differ, and how witnesses address the judge.

Pair it with the guide on giving evidence in the family court."#,
        link: Some("https://www.judiciary.uk/"),
        kind: "video",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["court", "law"],
        criteria: &["sw_rights_justice_1", "ssw_rights_justice_1"],
        review_by_months: 10,
    },
    ResourceSeed {
        key: "video_secondary_trauma",
        title: "Video: secondary trauma and looking after yourself",
        summary: "How hearing about children's harm day after day can affect practitioners, the warning signs, and what helps.",
        body: r#"**Signs to notice** in yourself and colleagues: intrusive thoughts about cases, numbness, irritability, poor sleep and avoiding certain visits.

**Take it to supervision.** Talking about the emotional impact of the work is part of professional practice, not a weakness."#,
        link: Some("https://www.basw.co.uk/"),
        kind: "video",
        levels: &[],
        tags: &["wellbeing", "supervision"],
        criteria: &["sw_professionalism_2", "ssw_professionalism_3"],
        review_by_months: -4,
    },
    ResourceSeed {
        key: "video_children_act_1989_explained",
        title: "Video: the Children Act 1989 in twenty minutes",
        summary: "The sections of the Children Act 1989 that children's social workers use most: 17, 20, 31 and 47, and the welfare principle.",
        body: r#"**Key sections**: section 17 (children in need), section 20 (accommodation), section 31 (care and supervision orders) and section 47 (child protection enquiries).

The link opens the Act itself, so you can read each section after watching."#,
        link: Some("https://www.legislation.gov.uk/ukpga/1989/41/contents"),
        kind: "video",
        levels: &["nqsw", "social_worker"],
        tags: &["law", "child-protection"],
        criteria: &["nqsw_rights_justice_3", "sw_knowledge_3"],
        review_by_months: 24,
    },
    ResourceSeed {
        key: "video_parental_mental_health",
        title: "Video: parental mental health and children",
        summary: "How a parent's mental ill health can affect children, and how to work jointly with adult mental health services.",
        body: r#"**Listen for** how young carers describe their days, and how the worker keeps both the parent's recovery and the child's needs in view.

The link opens the provider's site; search for "parental mental health"."#,
        link: Some("https://www.scie.org.uk/"),
        kind: "video",
        levels: &["nqsw", "social_worker"],
        tags: &["parents", "assessment"],
        criteria: &["nqsw_knowledge_3", "sw_contexts_organisations_3"],
        review_by_months: 8,
    },
    ResourceSeed {
        key: "video_exploitation_county_lines",
        title: "Video: county lines and criminal exploitation",
        summary: "How criminal groups draw children into moving drugs and money, and how agencies can respond together.",
        body: r#"**Think about** the moments when each agency in the story could have noticed something, and what would have helped them act.

Discuss with your team's exploitation lead afterwards."#,
        link: Some("https://learning.nspcc.org.uk/"),
        kind: "video",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["exploitation", "adolescents"],
        criteria: &["sw_knowledge_2", "ssw_knowledge_2"],
        review_by_months: 15,
    },
    ResourceSeed {
        key: "video_fostering_panel",
        title: "Video: presenting to the fostering panel",
        summary: "What fostering panels look for in an assessment, and how to present a prospective carer's application.",
        body: r#"**Useful if** you are supporting a family and friends carer assessment or presenting at panel for the first time.

Note the kinds of questions panel members ask about the carers' support network."#,
        link: Some("https://www.thefosteringnetwork.org.uk/"),
        kind: "video",
        levels: &["social_worker"],
        tags: &["fostering", "permanence"],
        criteria: &["sw_contexts_organisations_1"],
        review_by_months: 11,
    },
    // ---- Podcasts ----
    ResourceSeed {
        key: "podcast_reflective_practice",
        title: "Podcast: making time for reflection",
        summary: "Practitioners talk about how they build reflection into busy weeks, and what it changes in their work.",
        body: r#"**Good for a commute.** Afterwards, try one reflective log prompt about a recent visit.

The link opens the provider's site; search for "reflective practice"."#,
        link: Some("https://www.researchinpractice.org.uk/"),
        kind: "podcast",
        levels: &[],
        tags: &["reflection", "supervision"],
        criteria: &[
            "nqsw_critical_reflection_1",
            "sw_critical_reflection_3",
            "nqsw_professional_leadership_2",
        ],
        review_by_months: 6,
    },
    ResourceSeed {
        key: "podcast_neglect_drift",
        title: "Podcast: neglect, drift and knowing when to step up",
        summary: "A conversation about long-running neglect cases and how teams recognise when help is not making enough difference.",
        body: r#"**Listen for** the questions the guests use to test whether anything has really changed for the child.

Then look at one of your own neglect cases with the same questions."#,
        link: Some("https://learning.nspcc.org.uk/"),
        kind: "podcast",
        levels: &["social_worker"],
        tags: &["neglect", "analysis"],
        criteria: &["sw_knowledge_2", "sw_skills_interventions_3"],
        review_by_months: 13,
    },
    ResourceSeed {
        key: "podcast_fathers_voices",
        title: "Podcast: fathers on working with children's services",
        summary: "Fathers describe what helped and what pushed them away when children's services became involved with their families.",
        body: r#"**Reflect on** one family you work with: who is the father, when did you last speak to him, and what did he need from you?"#,
        link: Some("https://frg.org.uk/"),
        kind: "podcast",
        levels: &[],
        tags: &["fathers", "parents"],
        criteria: &["sw_skills_interventions_2", "sw_diversity_equality_3"],
        review_by_months: 9,
    },
    ResourceSeed {
        key: "podcast_anti_racism_in_practice",
        title: "Podcast: anti-racism in everyday practice",
        summary: "Social workers and managers talk about racism in families' lives and in services, and what they have changed in their own practice.",
        body: r#"**Take one idea** from the episode to your next supervision or team meeting, and talk about what it would mean for your cases."#,
        link: Some("https://www.basw.co.uk/"),
        kind: "podcast",
        levels: &[],
        tags: &["anti-racism", "identity"],
        criteria: &["nqsw_diversity_equality_3", "ssw_diversity_equality_2"],
        review_by_months: 18,
    },
    ResourceSeed {
        key: "podcast_leaving_care",
        title: "Podcast: care leavers on what they were entitled to",
        summary: "Young people who have left care talk about housing, education, money and the support they did and did not get.",
        body: r#"**Listen for** the entitlements young people did not know about, and check that the young people you work with have been told."#,
        link: Some("https://coramvoice.org.uk/"),
        kind: "podcast",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["adolescents", "permanence"],
        criteria: &["sw_rights_justice_3", "ssw_rights_justice_3"],
        review_by_months: -1,
    },
    ResourceSeed {
        key: "podcast_practice_leadership",
        title: "Podcast: leading practice across a service",
        summary: "Advanced practitioners and principal social workers on staying close to practice while leading it.",
        body: r#"**Useful if** you are thinking about an advanced practitioner or practice lead role. The link opens the practice supervisor development site."#,
        link: Some("https://practice-supervisors.rip.org.uk/"),
        kind: "podcast",
        levels: &["advanced_practitioner"],
        tags: &["leadership", "wellbeing"],
        criteria: &["ap_professionalism_3", "ap_professional_leadership_3"],
        review_by_months: 20,
    },
    // ---- Research summaries ----
    ResourceSeed {
        key: "rs_cumulative_neglect",
        title: "Research summary: cumulative neglect and drift",
        summary: "Why neglect is easy to miss and hard to act on, and what helps practitioners keep the child's experience in focus.",
        body: r#"## Key findings
- Neglect is the most common reason for a child protection plan in England, yet it is often the **hardest to act on** decisively.
- Harm from neglect builds up over time. Single incidents rarely look serious, so the **pattern** is easy to miss.
- Reviews of serious cases describe a "start again" habit: each new referral is treated as if it were the first.
- Professionals can become **over-optimistic** about small improvements, especially when parents are warm and engaged.

## Implications for practice
1. Keep a live chronology and review it at every plan review.
2. Use a structured tool, such as the Graded Care Profile 2, to measure change.
3. Set timescales based on the **child's** developmental needs, not the parents' pace.
4. Ask in supervision: *what has actually changed for the child?*

## Questions for your team
- How many of our neglect cases have been open for more than two years?
- When did we last step a case up because change had stalled?"#,
        link: None,
        kind: "research_summary",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["neglect", "analysis"],
        criteria: &[
            "sw_knowledge_2",
            "ssw_knowledge_1",
            "sw_professional_leadership_3",
        ],
        review_by_months: 14,
    },
    ResourceSeed {
        key: "rs_practice_reviews_themes",
        title: "Research summary: recurring themes from safeguarding practice reviews",
        summary: "The themes that national and local reviews of serious harm keep finding, and what helps services act on them.",
        body: r#"## What reviews tell us
Analyses of serious incidents keep finding similar themes:
- **The child's daily experience** was not well understood.
- **Information was held in pieces** by different agencies and never brought together.
- **Professional curiosity** was missing: explanations were accepted without checking.
- **Men in the household** were not known about or assessed.
- **Escalation** did not happen when agencies disagreed.
- **Over-optimism** let plans run on without real change.

## What helps
- Strong **multi-agency** relationships, with clear routes to challenge.
- Supervision that tests hypotheses rather than only reviewing tasks.
- Chronologies and genograms kept up to date.
- A culture where staff feel safe to say "I'm not sure".

## For leaders
Use local review findings in audits and training, then check whether practice has actually changed. Learning that stays in a report does not protect children."#,
        link: None,
        kind: "research_summary",
        levels: &["senior_social_worker", "advanced_practitioner"],
        tags: &["child-protection", "multi-agency", "analysis"],
        criteria: &[
            "ssw_knowledge_1",
            "ap_critical_reflection_3",
            "ap_contexts_organisations_3",
        ],
        review_by_months: -6,
    },
    ResourceSeed {
        key: "rs_attachment_and_trauma",
        title: "Research summary: attachment and trauma",
        summary: "Core ideas from attachment and trauma research, the cautions in using them, and what they mean for work with children.",
        body: r#"## Key ideas
- **Attachment** is the bond a child forms with caregivers in order to feel safe. Secure attachment helps children manage their feelings and explore the world.
- Children who experience frightening or unpredictable care may develop **insecure or disorganised** patterns, which can show as clinginess, withdrawal or aggression.
- **Trauma** from abuse, neglect or domestic abuse affects the developing brain and stress response; a child may stay on high alert even when they are safe.

## Cautions
- Attachment patterns are not a diagnosis and should not be assigned after one visit.
- Adverse childhood experiences raise risk across a population; they do not predict one child's future.
- Behaviour can have many causes, including disability, hunger or difficulties at school.

## Implications for practice
1. Describe what you see and hear, rather than labelling the child.
2. Help carers understand behaviour as **communication**.
3. Plan for stable, predictable relationships: changes of worker and placement matter to children."#,
        link: None,
        kind: "research_summary",
        levels: &["nqsw", "social_worker"],
        tags: &["direct-work", "assessment"],
        criteria: &["nqsw_knowledge_1", "sw_knowledge_1"],
        review_by_months: 16,
    },
    ResourceSeed {
        key: "rs_poverty_aware_practice",
        title: "Research summary: poverty and child welfare",
        summary: "What research says about poverty and children's services involvement, and how to practise in a poverty-aware way.",
        body: r#"## Key findings
- Research across the UK has found a strong **social gradient**: children in the most deprived neighbourhoods are many times more likely to be on a child protection plan or in care than those in the least deprived.
- Poverty does not cause abuse, but it adds **stress**, narrows choices and makes it harder for parents to meet children's needs.
- Families in poverty often feel **judged** by services, which makes honest working harder.

## Implications for practice
1. Ask about money, debt, housing and food in every assessment, and record how they affect the children.
2. Separate **neglect** from the effects of poverty in your analysis.
3. Offer practical help: benefit checks, section 17 support, food and fuel schemes, and referrals to advice services.
4. Watch your language: "chaotic" or "unmotivated" may describe families coping with very hard circumstances.

## For leaders
Look at how deprivation and ethnicity combine in the service's data, and use what you find to shape early help."#,
        link: None,
        kind: "research_summary",
        levels: &[],
        tags: &["poverty", "parents"],
        criteria: &[
            "nqsw_rights_justice_2",
            "nqsw_diversity_equality_2",
            "ap_rights_justice_3",
        ],
        review_by_months: 10,
    },
    ResourceSeed {
        key: "rs_supervision_evidence",
        title: "Research summary: what makes supervision effective",
        summary: "What studies of supervision in children's social work suggest about reflective supervision, analysis and staying in the job.",
        body: r#"## Key findings
- Supervision that covers only **case management** can leave practitioners feeling checked rather than supported.
- Reflective supervision is linked with better **analysis**, greater confidence and staff staying longer in their jobs.
- Practitioners value supervisors who are **available**, know the cases and are honest about their worries.
- Group supervision can help teams share thinking and spread expertise.

## A well-known model
Many councils draw on a model that sees supervision as serving **four functions** (management, development, support and mediation) and follows a reflective cycle: experience, reflection, analysis and action planning.

## Implications for practice
1. Protect time for supervision and keep it regular.
2. Cover feelings and analysis, not just tasks.
3. Record the reasons for decisions, not only the decisions.
4. Ask supervisees for feedback on supervision itself.

## A question for supervisors
*When did a supervision session last change a plan for a child?*"#,
        link: None,
        kind: "research_summary",
        levels: &["senior_social_worker", "advanced_practitioner"],
        tags: &["supervision", "leadership"],
        criteria: &["ssw_critical_reflection_2", "ap_critical_reflection_2"],
        review_by_months: 12,
    },
    ResourceSeed {
        key: "rs_disproportionality",
        title: "Research summary: disproportionality in children's services",
        summary: "How some groups of children are over- or under-represented at each stage of children's services, and what services can do about it.",
        body: r#"## Key findings
- National data shows that some groups of children, including **Black and mixed heritage children**, are over-represented among children in care, while some other groups are under-represented in early help.
- Disproportionality can arise at many points: who is referred, how worries are described, how thresholds are applied and which services are offered.
- Families from minority groups describe **not being understood** and facing assumptions about their culture.
- Black teenagers are at particular risk of **adultification**: being seen as less vulnerable than they are.

## Implications for practice
1. Break down the team's data by ethnicity, disability and deprivation at each stage.
2. Audit a sample of cases for language and assumptions.
3. Build links with community organisations that families trust.
4. Make identity a routine part of supervision and case discussion.

## For leaders
Set clear goals, report progress openly and ask families what would make a difference."#,
        link: None,
        kind: "research_summary",
        levels: &["senior_social_worker", "advanced_practitioner"],
        tags: &["anti-racism", "identity", "analysis"],
        criteria: &["ssw_diversity_equality_1", "ap_diversity_equality_1"],
        review_by_months: 10,
    },
    ResourceSeed {
        key: "rs_domestic_abuse_impact_children",
        title: "Research summary: the impact of domestic abuse on children",
        summary: "How living with domestic abuse affects children at different ages, and what it means for assessment and planning.",
        body: r#"## Key findings
- Children living with domestic abuse are affected even when they are not hurt directly. They hear, see and live with the fear and the aftermath.
- Effects can include anxiety, sleep problems, difficulties at school, aggression and withdrawal, and can resemble the effects of direct abuse.
- Babies and young children are especially vulnerable, because their development depends on a calm, responsive carer.
- Domestic abuse often overlaps with **parental mental ill health and substance misuse**; together they raise the risk of harm.

## Implications for practice
1. Hear from children directly about their experience.
2. Focus on the behaviour of the person causing harm and its effect on the family.
3. Support the non-abusing parent's bond with the children; it is often a key protective factor.
4. Work closely with specialist domestic abuse services and agree one plan.

## Note
Abuse can continue or grow after separation. Separation alone is not a safety plan."#,
        link: None,
        kind: "research_summary",
        levels: &["nqsw", "social_worker"],
        tags: &["domestic-abuse", "parents"],
        criteria: &["nqsw_knowledge_3", "sw_contexts_organisations_3"],
        review_by_months: 2,
    },
    ResourceSeed {
        key: "rs_retention_and_wellbeing",
        title: "Research summary: keeping social workers",
        summary: "What workforce data and research say about why children's social workers leave, and what helps them stay.",
        body: r#"## The picture
National workforce data shows high turnover and heavy reliance on agency staff in children's social work. In England in 2023, turnover was around 16%, and agency workers filled nearly a fifth of social worker posts.

## What helps people stay
- **Manageable caseloads** and realistic expectations.
- Good, regular **supervision** and visible, supportive managers.
- A clear **career pathway** and chances to learn.
- Feeling **valued**, and able to talk about mistakes without blame.
- Flexible working and attention to wellbeing, including the emotional impact of the work.

## Implications for leaders
1. Track caseloads, vacancy and agency rates by team, not only across the service.
2. Ask staff what would make them stay, and act on what they say.
3. Use leaving conversations to learn, and share the themes with managers.
4. Invest in practice supervisors: they are central to whether people stay."#,
        link: None,
        kind: "research_summary",
        levels: &["advanced_practitioner"],
        tags: &["wellbeing", "leadership"],
        criteria: &[
            "ap_contexts_organisations_1",
            "ap_professional_leadership_3",
        ],
        review_by_months: 21,
    },
    // ---- Policies and procedures ----
    ResourceSeed {
        key: "policy_recording_standards",
        title: "Recording standards for children's case records",
        summary: "The council's standards for timely, accurate and child-centred case recording.",
        body: r#"## Purpose
Our records should let any colleague, and the child in later life, understand **what happened, why, and what was done**.

## Standards
- Write case notes **within two working days** of the event; record urgent safeguarding information the same day.
- Keep **fact and opinion** apart, and say where information came from.
- Write as if the child and family will read the record, and address the child directly where that helps.
- Record the child's words and your observations of them at each visit.
- Record every **management decision** with its reasons.
- Use plain English and explain any abbreviation.
- Never copy and paste between children's records without checking every detail.

## Case summaries
Update the case summary and chronology at each plan review, transfer and closure.

## Quality assurance
Managers check records in supervision, and quarterly audits look at recording quality. Ask your team manager if you are unsure what to record."#,
        link: None,
        kind: "policy",
        levels: &[],
        tags: &["recording", "assessment"],
        criteria: &[
            "nqsw_critical_reflection_2",
            "nqsw_contexts_organisations_3",
        ],
        review_by_months: 8,
    },
    ResourceSeed {
        key: "policy_supervision",
        title: "Supervision policy",
        summary: "How often practitioners are supervised, what supervision covers and how it is recorded.",
        body: r#"## Frequency
- **NQSWs in their ASYE**: weekly for the first six weeks, fortnightly until six months, then at least monthly.
- **All other case-holding practitioners**: at least monthly, for at least an hour and a half.
- Extra, unplanned supervision whenever a practitioner or manager asks for it.

## Content
Each session covers case decisions, reflection and analysis, the practitioner's wellbeing and learning, and any worries about workload.

## Recording
- Case decisions are written on the **child's record** within five working days, with the reasons.
- A personal supervision record is kept for the practitioner and agreed by both people.

## Responsibilities
- Practitioners prepare an agenda and bring the cases they are worried about.
- Supervisors protect supervision time, rearrange any cancelled session within a week, and seek their own supervision.

## Group supervision
Teams hold reflective group supervision at least monthly. It adds to individual supervision; it does not replace it."#,
        link: None,
        kind: "policy",
        levels: &[],
        tags: &["supervision", "reflection"],
        criteria: &[
            "nqsw_professionalism_2",
            "sw_professionalism_2",
            "ssw_contexts_organisations_3",
        ],
        review_by_months: 12,
    },
    ResourceSeed {
        key: "policy_escalation_resolution",
        title: "Resolving professional disagreements",
        summary: "The stages for resolving disagreements between professionals quickly and in the child's interests.",
        body: r#"## Why we have this policy
Disagreement between professionals is healthy when it is resolved quickly and in the child's interests. Disagreements left unresolved lead to drift.

## Stages
1. **Talk directly** to the professional concerned, explain your worry and try to agree a way forward within a few working days.
2. **Involve managers**: if there is no agreement, raise it with your manager, who contacts their counterpart.
3. **Senior managers**: if it is still unresolved, heads of service meet to decide.
4. **Safeguarding partnership**: the final stage, used rarely.

## At every stage
- Keep the child's safety central. If a child is at immediate risk, act now and resolve the disagreement afterwards.
- Record the concern, the response and the outcome on the child's file.
- Child protection chairs and independent reviewing officers can also raise concerns through their own dispute process.

## Remember
Challenge is part of good practice, not a sign of poor relationships."#,
        link: None,
        kind: "policy",
        levels: &[],
        tags: &["multi-agency", "child-protection"],
        criteria: &["sw_values_ethics_2", "ssw_values_ethics_3"],
        review_by_months: 1,
    },
    ResourceSeed {
        key: "policy_working_together_local",
        title: "Our local safeguarding arrangements",
        summary: "How the statutory guidance on working together is put into practice by the local safeguarding partnership.",
        body: r#"## The framework
Working Together to Safeguard Children is the statutory guidance on how agencies work together. Locally, the **safeguarding partners** (the council, the integrated care board and the police) lead the safeguarding partnership.

## What this means for you
- Follow the partnership's **multi-agency procedures** for referrals, strategy discussions, conferences and core groups.
- Use the partnership's **threshold guidance** to decide the right level of help, and talk to your manager when unsure.
- Invite the right partners to meetings, including schools and, where relevant, adult services.
- Make sure each child has a clear **lead practitioner** who coordinates the plan.

## Learning
The partnership publishes local child safeguarding practice reviews and short learning briefings. Read them, and discuss their lessons in team meetings.

## Escalation
Where you disagree with another agency, use the procedure for resolving professional disagreements."#,
        link: None,
        kind: "policy",
        levels: &[],
        tags: &["multi-agency", "law", "child-protection"],
        criteria: &[
            "nqsw_contexts_organisations_1",
            "sw_contexts_organisations_1",
        ],
        review_by_months: 9,
    },
    ResourceSeed {
        key: "policy_lone_working",
        title: "Lone working and home visit safety",
        summary: "Planning visits safely, what to do if you feel unsafe, and how check-ins work.",
        body: r#"## Before a visit
- Check the record and talk to colleagues about known risks, including dogs, weapons or violence towards staff.
- Put the visit in the **shared calendar** with the address, expected finish time and your mobile number.
- If the risk is high, visit in pairs, meet in a council building or arrange police support.

## During a visit
- Trust your instincts. If you feel unsafe, **leave**: you can always come back with support.
- Keep your phone charged and with you, and know your way out.
- Use the agreed code phrase if you need help when calling the office.

## After a visit
- **Check in** with your buddy or the duty manager when you leave, especially after hours.
- Record any threats or incidents and report them the same day.

## Managers
Make sure visit plans exist for high-risk cases, respond at once to a missed check-in, and offer a debrief after any incident."#,
        link: None,
        kind: "policy",
        levels: &[],
        tags: &["wellbeing", "recording"],
        criteria: &["sw_professionalism_3"],
        review_by_months: -5,
    },
    ResourceSeed {
        key: "policy_asye_programme",
        title: "ASYE programme: how it runs here",
        summary: "What the council provides during the Assessed and Supported Year in Employment, and what newly qualified social workers complete.",
        body: r#"## Who it is for
Every newly qualified social worker who joins the council completes the Assessed and Supported Year in Employment.

## What we provide
- A **protected caseload**, lower in number and complexity than an experienced worker's.
- **Ten per cent protected development time**, agreed with your team manager.
- An ASYE assessor and regular supervision, as set out in the supervision policy.
- Monthly ASYE peer group sessions run by the learning academy.

## What you complete
- Reviews at **three, six and twelve months**, and at nine months where agreed.
- At least **three direct observations**.
- Self-assessments at the start, middle and end against the Knowledge and Skills Statements.
- A critical reflection log and a professional development plan.

## Pauses and extensions
The programme can pause for sickness, bereavement or parental leave, and must be finished within two years. Concerns about capability are met with a support plan, not a pause.

## At the end
Your portfolio goes to the internal moderation panel before the final decision."#,
        link: None,
        kind: "policy",
        levels: &["nqsw"],
        tags: &["asye", "cpd"],
        criteria: &["nqsw_professionalism_3", "nqsw_critical_reflection_3"],
        review_by_months: 11,
    },
    ResourceSeed {
        key: "policy_section_17_support",
        title: "Section 17 support and payments",
        summary: "When and how to use section 17 to give families practical help and money, and how requests are approved and recorded.",
        body: r#"## What section 17 allows
Section 17 of the Children Act 1989 lets the council provide services, including **practical help and money**, to safeguard and promote the welfare of children in need and, where possible, help them stay with their families.

## When to use it
- Short-term help in a crisis: food, fuel, travel to appointments or essential items.
- Support that is part of a child in need or child protection plan.
- Support that removes a barrier to a family using a service.

## How to request
1. Explain **how the payment meets the child's needs** and what else has been tried.
2. Check entitlement to benefits and grants first, and refer to welfare rights advice.
3. Get approval at the level set out in the scheme of delegation.

## Recording
Record the payment, the reason and the approval on the child's file. Review repeated payments in supervision: they may point to needs the plan should address."#,
        link: None,
        kind: "policy",
        levels: &["nqsw", "social_worker"],
        tags: &["poverty", "law", "parents"],
        criteria: &["nqsw_rights_justice_2", "sw_contexts_organisations_2"],
        review_by_months: 15,
    },
    ResourceSeed {
        key: "policy_progression",
        title: "Career progression: assessment and panel",
        summary: "How practitioners move between levels of the career pathway, and how to prepare for a progression panel.",
        body: r#"## How progression works
- **NQSW to social worker** follows automatically from a successful ASYE.
- **Social worker to senior social worker** is by assessment: your supervisor signs off each criterion for the senior level against your evidence.
- **Senior social worker to advanced practitioner** goes to a panel, once at least 80 per cent of the level's criteria are signed off.
- Team manager posts are filled by recruitment.

## Preparing for a panel
- Write a reflective account showing how your practice meets the criteria across the domains.
- Bring evidence: direct observations, feedback from families and colleagues, audits and any training you have led.
- Agree with your supervisor that you are ready before you apply.

## The decision
The panel gives its decision with reasons. If the answer is "not yet", you receive clear feedback and a development plan, and can apply again when ready."#,
        link: None,
        kind: "policy",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["cpd", "reflection"],
        criteria: &["sw_critical_reflection_3", "ssw_critical_reflection_3"],
        review_by_months: 18,
    },
    // ---- Tools and templates ----
    ResourceSeed {
        key: "tool_visit_planner",
        title: "Home visit planner",
        summary: "A one-page plan to make every home visit purposeful and focused on the child.",
        body: r#"## Purpose
A one-page plan to make every visit **purposeful and child-focused**.

## Before the visit
- **Why am I visiting?** What do I need to find out or do?
- **Who will I see?** Which children will I see alone, and where?
- **What activity** will help each child talk to me?
- **Risks**: is there anything to plan for, including my own safety?
- **Questions** for parents, linked to the plan.

## During the visit
- Look at the child's bedroom and the spaces they use.
- Notice how children and adults respond to each other.
- Check progress on the plan's actions.

## After the visit
- What did the child say, in their own words?
- What did I observe?
- **What has changed** since last time, and what does it mean for the child?
- What do I need to do next, and by when?

Keep the completed planner with your case note, or copy its key points into the record."#,
        link: None,
        kind: "tool",
        levels: &["nqsw", "social_worker"],
        tags: &["direct-work", "recording"],
        criteria: &["nqsw_values_ethics_1", "nqsw_skills_interventions_1"],
        review_by_months: 10,
    },
    ResourceSeed {
        key: "tool_chronology_template",
        title: "Chronology template",
        summary: "A template and review questions for a chronology that stays short enough to read and useful enough to analyse.",
        body: r#"## How to use this template
Use one entry per **significant event**. Keep entries short: the whole chronology should be readable in ten minutes.

## Columns
- **Date** of the event (not the date it was recorded).
- **Event**: one or two factual lines.
- **Source**: who told us, and how reliable it is.
- **Impact**: what this meant for the child.
- **Action**: what was done in response, if anything.

## What counts as significant
- Changes of household, address or school.
- Injuries, hospital visits and missed health appointments.
- Police call-outs, referrals and strategy discussions.
- Key decisions: plans, conferences and court orders.

## Review questions
At each review, read the chronology from the top and note:
1. Repeating patterns.
2. Gaps in what we know.
3. Whether things are getting better, worse or staying the same for the child."#,
        link: None,
        kind: "tool",
        levels: &[],
        tags: &["recording", "analysis", "neglect"],
        criteria: &["nqsw_contexts_organisations_3", "sw_critical_reflection_1"],
        review_by_months: 13,
    },
    ResourceSeed {
        key: "tool_ecomap_genogram",
        title: "Genograms and ecomaps",
        summary: "Two mapping tools for understanding a child's family, relationships and support network, drawn with the family.",
        body: r#"## Genogram
A genogram is a family tree that shows **relationships, history and patterns** across at least three generations.
- Use the standard symbols for people and relationships, with a key so anyone can read it.
- Mark who lives in the household.
- Note significant events: deaths, separations, illnesses and care histories.
- Draw it **with** the family: the conversation is as useful as the picture.

## Ecomap
An ecomap puts the child or family in the centre and shows the **people, services and places** around them.
- Use lines to show the strength of each connection: strong, weak or stressful.
- Include friends, school, faith groups, clubs and services.
- Ask the child to draw their own, showing who helps them.

## Using them
- Spot possible carers and supporters, including for a family group conference.
- Notice isolation and gaps in support.
- Repeat the ecomap later to show change, and keep both maps up to date on file."#,
        link: None,
        kind: "tool",
        levels: &["nqsw", "social_worker"],
        tags: &["direct-work", "identity"],
        criteria: &["nqsw_diversity_equality_1", "sw_skills_interventions_1"],
        review_by_months: 19,
    },
    ResourceSeed {
        key: "tool_supervision_agenda",
        title: "Supervision agenda template",
        summary: "A template to send your supervisor before each session, so the time goes on thinking rather than catching up.",
        body: r#"## Using this template
Send it to your supervisor **a day before** supervision.

## 1. Wellbeing
How am I? Is anything affecting my work?

## 2. Cases to discuss
For each case:
- What is happening for the child?
- What am I worried about, and what is going well?
- What decision or advice do I need?

## 3. Workload
Visits, records or reports that are slipping, and why.

## 4. Learning and development
- Something I have learnt or read since last time.
- Progress on my development plan or ASYE portfolio.
- Any training I would like to book.

## 5. Actions from last time
What has been done, and what has not.

## After supervision
Check that case decisions are on each child's record, and that the supervision notes match your understanding."#,
        link: None,
        kind: "tool",
        levels: &["nqsw", "social_worker"],
        tags: &["supervision", "asye"],
        criteria: &["nqsw_professionalism_2", "sw_professionalism_2"],
        review_by_months: 7,
    },
    ResourceSeed {
        key: "tool_cpd_record_template",
        title: "CPD record template",
        summary: "A template for CPD records that show impact on practice and meet Social Work England's requirements.",
        body: r#"## Before you write
Choose a piece of learning that **changed something** in your practice: a course, reading, a podcast, a case discussion or shadowing a colleague.

## The template
- **Type of CPD**: for example training, reading, peer discussion or supervision.
- **Title and date**.
- **What it was, and why it was relevant** to your role.
- **What I learnt**: two or three key points in my own words.
- **Impact**: how my practice has changed, and the difference for the children and families I work with, with an example.
- **Peer reflection** (needed for at least one record a year): who I discussed it with, and what I learnt from that conversation.

## Tips
- Write about **impact**, not just attendance.
- Do not name children or families.
- Make each record distinct; records that read the same can be rejected.
- Add records through the year so the deadline is never a rush."#,
        link: None,
        kind: "tool",
        levels: &[],
        tags: &["cpd", "reflection"],
        criteria: &["nqsw_professionalism_1", "ap_professionalism_3"],
        review_by_months: 12,
    },
    ResourceSeed {
        key: "tool_reflective_log_prompts",
        title: "Reflective log prompts",
        summary: "Prompts for a short weekly reflection that can become portfolio evidence and CPD.",
        body: r#"## How to use
Pick **one experience** from the week, such as a visit, meeting or conversation, and spend ten to fifteen minutes on these prompts.

## Describe
- What happened? Keep it brief and factual.

## Feel
- How did I feel before, during and after?
- What do I think the child and family felt?

## Analyse
- What theory, research or law helps me understand this?
- What assumptions was I making? Could my own background be shaping my view?
- What other explanations are there?

## Learn
- What went well that I want to repeat?
- What would I do differently?

## Act
- What will I do next, and what do I want to take to supervision?
- Which pathway criteria does this reflection show?

Reflections written this way can become evidence for your portfolio and your CPD records."#,
        link: None,
        kind: "tool",
        levels: &["nqsw"],
        tags: &["reflection", "asye"],
        criteria: &["nqsw_critical_reflection_1", "nqsw_critical_reflection_3"],
        review_by_months: 24,
    },
    ResourceSeed {
        key: "tool_risk_analysis_matrix",
        title: "Risk and strengths analysis matrix",
        summary: "A four-box way to organise worries, complicating factors, strengths and gaps before writing an analysis.",
        body: r#"## Purpose
A way to organise information before writing your analysis, so that **worries, strengths and gaps** are all in view.

## Four boxes
1. **Worries about harm**: what has happened, and what might happen if nothing changes? Be specific about the harm to the child.
2. **Complicating factors**: things that make the situation harder, such as poverty, isolation or substance use, but are not harm in themselves.
3. **Strengths and safety**: times when the child has been safe, and what made the difference.
4. **Gaps**: what we do not yet know, and how we will find out.

## Then judge
- On a scale of 0 to 10, where 10 means the child is safe enough for the case to close, where are we now? Ask the family and each professional too.
- What would move the score up by one point?

## Use
Complete it in supervision or a case discussion, then carry the key points into your written analysis and the plan."#,
        link: None,
        kind: "tool",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["analysis", "assessment", "child-protection"],
        criteria: &["sw_critical_reflection_2", "ssw_critical_reflection_1"],
        review_by_months: 16,
    },
    ResourceSeed {
        key: "tool_money_worries_checklist",
        title: "Money worries checklist for visits",
        summary: "Questions to ask routinely and without judgement about money, debt and housing, and what to do with the answers.",
        body: r#"## Why use it
Money worries shape children's lives: what they eat, whether the home is warm, whether they can go on school trips. Asking in a **routine, non-judgemental** way makes it easier for families to tell you.

## Questions to explore
- Is the family receiving all the **benefits** they are entitled to? When was this last checked?
- Are there **debts**, including rent arrears, utility debts or loans?
- Is there enough **food**, and enough money for gas and electricity?
- Are there **housing** problems: damp, overcrowding or risk of eviction?
- Can the family afford **travel** to school, health appointments and family time?
- Does anyone face **immigration** conditions that limit access to public funds?

## Actions
- Refer to welfare rights or a debt advice service.
- Consider section 17 support for urgent needs.
- Tell families about local food, fuel and school uniform schemes.
- Record how money pressures affect each child, not only the adults."#,
        link: None,
        kind: "tool",
        levels: &[],
        tags: &["poverty", "parents", "assessment"],
        criteria: &["nqsw_rights_justice_2", "ssw_rights_justice_3"],
        review_by_months: 6,
    },
    ResourceSeed {
        key: "tool_observation_feedback_form",
        title: "Direct observation feedback form",
        summary: "A structure for planning a direct observation of practice and giving specific, useful feedback afterwards.",
        body: r#"## Before the observation
- Agree the **focus** with the practitioner: for example, seeing a child alone, or explaining a plan to parents.
- Check the family's consent, and how they will give their own feedback.
- Link the focus to the relevant pathway or KSS criteria.

## During
Note what the practitioner **says and does**, and how the child and family respond. Stick to what you see and hear.

## Feedback conversation
Hold it within a week. Ask the practitioner first:
1. What went well?
2. What would you do differently?
3. What was the impact on the child and family?
Then share your observations, strengths first, with **specific examples**.

## Written record
- Context and focus.
- Strengths, with examples.
- Areas to develop, with suggestions.
- The family's feedback.
- The practitioner's reflection.
- Criteria evidenced.

Both people sign the record, and the practitioner can attach it to their portfolio."#,
        link: None,
        kind: "tool",
        levels: &["senior_social_worker", "advanced_practitioner"],
        tags: &["leadership", "supervision", "asye"],
        criteria: &["ssw_professional_leadership_3", "ap_skills_interventions_3"],
        review_by_months: 20,
    },
    // ---- Courses ----
    ResourceSeed {
        key: "course_graded_care_profile",
        title: "Course: Graded Care Profile 2 practitioner training",
        summary: "The licensed one-day training you need before using the Graded Care Profile 2 with families.",
        body: r#"**Book through the academy**: the council runs this training under its licence. The link opens the licence holder's learning site for background reading."#,
        link: Some("https://learning.nspcc.org.uk/"),
        kind: "course",
        levels: &["nqsw", "social_worker"],
        tags: &["neglect", "assessment"],
        criteria: &["nqsw_knowledge_2", "sw_knowledge_2"],
        review_by_months: 14,
    },
    ResourceSeed {
        key: "course_motivational_interviewing",
        title: "Course: motivational interviewing for child and family work",
        summary: "An introduction to motivational interviewing: working with ambivalence and helping parents find their own reasons to change.",
        body: r#"**Four half-day sessions** with practice between them. Come ready to record and review a short conversation of your own."#,
        link: Some("https://motivationalinterviewing.org/"),
        kind: "course",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["parents", "direct-work"],
        criteria: &["sw_skills_interventions_2", "ssw_skills_interventions_2"],
        review_by_months: 11,
    },
    ResourceSeed {
        key: "course_practice_supervisor_development",
        title: "Course: practice supervisor development",
        summary: "Open learning materials for new and aspiring practice supervisors, on reflective supervision, power and authority, and leading teams.",
        body: r#"**Work through one module a month** and bring what you try to the new supervisors' forum."#,
        link: Some("https://practice-supervisors.rip.org.uk/"),
        kind: "course",
        levels: &["senior_social_worker", "advanced_practitioner"],
        tags: &["supervision", "leadership"],
        criteria: &["ssw_professionalism_2", "ap_professional_leadership_2"],
        review_by_months: 9,
    },
    ResourceSeed {
        key: "course_domestic_abuse_perpetrator_pattern",
        title: "Course: domestic abuse, keeping the person causing harm in view",
        summary: "Assessing the pattern of behaviour of the person causing harm, and building plans that do not leave the adult victim to protect the children alone.",
        body: r#"**Two days, in person.** Bring an anonymised case where the plan asks a lot of the adult victim."#,
        link: Some("https://safelives.org.uk/"),
        kind: "course",
        levels: &["social_worker"],
        tags: &["domestic-abuse", "fathers"],
        criteria: &["sw_knowledge_2", "sw_contexts_organisations_3"],
        review_by_months: 17,
    },
    ResourceSeed {
        key: "course_disabled_children_safeguarding",
        title: "Course: safeguarding disabled children",
        summary: "Why abuse of disabled children is under-recognised, and how to assess and communicate well when a disabled child may be at risk.",
        body: r#"**Online, self-paced.** Pair it with the guide on communicating with disabled children."#,
        link: Some("https://councilfordisabledchildren.org.uk/"),
        kind: "course",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["disability", "child-protection"],
        criteria: &["sw_diversity_equality_1", "ssw_knowledge_2"],
        review_by_months: 23,
    },
    ResourceSeed {
        key: "course_fostering_assessment",
        title: "Course: assessing foster carers and family and friends carers",
        summary: "Carrying out carer assessments that are thorough, fair and ready for panel.",
        body: r#"**For social workers new to fostering or kinship assessments.** The link opens the national membership body for adoption and fostering practice."#,
        link: Some("https://corambaaf.org.uk/"),
        kind: "course",
        levels: &["social_worker", "senior_social_worker"],
        tags: &["fostering", "permanence", "assessment"],
        criteria: &["sw_contexts_organisations_1", "ssw_skills_interventions_1"],
        review_by_months: 15,
    },
    ResourceSeed {
        key: "course_leading_audits",
        title: "Course: leading case audits that change practice",
        summary: "Planning and moderating case audits, giving clear judgements, and making sure the learning reaches practitioners.",
        body: r#"**For advanced practitioners and managers** who lead audit or moderation. Bring a recent audit tool to review."#,
        link: Some("https://www.researchinpractice.org.uk/"),
        kind: "course",
        levels: &["advanced_practitioner"],
        tags: &["leadership", "analysis"],
        criteria: &[
            "ap_critical_reflection_1",
            "ap_contexts_organisations_2",
            "ap_professional_leadership_1",
        ],
        review_by_months: 13,
    },
];

pub const PATHS: &[PathSeed] = &[
    PathSeed {
        key: "nqsw_first_90_days",
        title: "NQSW: first 90 days",
        summary: "The essentials for your first three months: how the ASYE works, supervision, visits, recording, child protection enquiries and CPD.",
        levels: &["nqsw"],
        roles: &[],
        steps: &[
            "policy_asye_programme",
            "event:asye_welcome_day",
            "asye_survival_guide",
            "tool_supervision_agenda",
            "tool_visit_planner",
            "policy_recording_standards",
            "omg_section_47_enquiries",
            "omg_cpd_social_work_england",
        ],
    },
    PathSeed {
        key: "court_confidence",
        title: "Building confidence in court",
        summary: "From pre-proceedings to the witness box: the law, the statement and the hearing, with a workshop to practise.",
        levels: &["social_worker"],
        roles: &[],
        steps: &[
            "omg_parental_responsibility",
            "omg_pre_proceedings",
            "tool_risk_analysis_matrix",
            "writing_court_statements",
            "video_family_court_walkthrough",
            "guide_giving_evidence",
            "event:court_skills_workshop",
        ],
    },
    PathSeed {
        key: "aspiring_practice_supervisors",
        title: "Aspiring practice supervisors",
        summary: "For senior social workers and advanced practitioners preparing to supervise: what good supervision is, using authority well, and observing practice.",
        levels: &["senior_social_worker", "advanced_practitioner"],
        roles: &[],
        steps: &[
            "rs_supervision_evidence",
            "leading_practice_supervision",
            "omg_power_and_authority_in_supervision",
            "tool_observation_feedback_form",
            "podcast_practice_leadership",
            "course_practice_supervisor_development",
            "event:practice_supervisor_programme",
        ],
    },
    PathSeed {
        key: "new_to_supervising",
        title: "New to supervising",
        summary: "For people newly supervising others: the council's expectations, supporting NQSWs, and looking after your team and yourself.",
        levels: &[],
        roles: &["supervisor"],
        steps: &[
            "policy_supervision",
            "guide_supervising_asye",
            "omg_power_and_authority_in_supervision",
            "rs_supervision_evidence",
            "video_secondary_trauma",
            "tool_observation_feedback_form",
            "event:new_supervisors_forum",
        ],
    },
];

pub const EVENTS: &[EventSeed] = &[
    EventSeed {
        key: "asye_welcome_day",
        title: "ASYE welcome day",
        summary: "Meet your cohort, your assessors and the academy team; plan your protected time and your first direct observation.",
        facilitator: "Helen Marsh",
        capacity: 24,
        online: false,
        place: "Training Room 2, Civic Centre",
        levels: &["nqsw"],
        needs_approval: false,
        sessions: &[(4, 9, 30, 16, 0)],
        criteria: &["nqsw_professionalism_2", "nqsw_critical_reflection_3"],
    },
    EventSeed {
        key: "graded_care_profile_training",
        title: "Graded Care Profile 2: practitioner training",
        summary: "The licensed one-day training for using the Graded Care Profile 2 to assess the quality of care in neglect cases.",
        facilitator: "Rebecca Hollins",
        capacity: 20,
        online: false,
        place: "Learning Centre, Room 4",
        levels: &["nqsw", "social_worker"],
        needs_approval: false,
        sessions: &[(9, 9, 30, 16, 30)],
        criteria: &["nqsw_knowledge_2", "sw_knowledge_2"],
    },
    EventSeed {
        key: "court_skills_workshop",
        title: "Court skills: statements and giving evidence",
        summary: "A morning with a family law barrister on writing statements and handling cross-examination, with short practice exercises.",
        facilitator: "Alison Grant",
        capacity: 16,
        online: false,
        place: "Committee Room B, Civic Centre",
        levels: &["social_worker", "senior_social_worker"],
        needs_approval: true,
        sessions: &[(12, 9, 30, 13, 0)],
        criteria: &["sw_rights_justice_1", "ssw_rights_justice_1"],
    },
    EventSeed {
        key: "practice_supervisor_programme",
        title: "Practice supervisor development programme",
        summary: "Three afternoons a week apart on reflective supervision, power and authority, and observing practice, with tasks between sessions.",
        facilitator: "Helen Marsh",
        capacity: 12,
        online: false,
        place: "Training Room 1, Civic Centre",
        levels: &["senior_social_worker", "advanced_practitioner"],
        needs_approval: true,
        sessions: &[
            (14, 13, 30, 16, 30),
            (21, 13, 30, 16, 30),
            (28, 13, 30, 16, 30),
        ],
        criteria: &[
            "ssw_professional_leadership_3",
            "ap_professional_leadership_2",
            "ap_critical_reflection_2",
        ],
    },
    EventSeed {
        key: "exploitation_briefing",
        title: "Lunchtime briefing: exploitation and harm outside the home",
        summary: "An hour on recognising exploitation, the local screening tool and the multi-agency exploitation meeting.",
        facilitator: "Sam Adeyemi",
        capacity: 80,
        online: true,
        place: "Online (Teams)",
        levels: &[],
        needs_approval: false,
        sessions: &[(19, 12, 30, 13, 30)],
        criteria: &[
            "nqsw_knowledge_2",
            "sw_knowledge_2",
            "ssw_contexts_organisations_2",
        ],
    },
    EventSeed {
        key: "mock_cross_examination",
        title: "Mock cross-examination: one-to-one practice",
        summary: "Two places for a practice cross-examination on your own anonymised statement, with feedback from a barrister.",
        facilitator: "Alison Grant",
        capacity: 2,
        online: false,
        place: "Legal Services Meeting Room, Civic Centre",
        levels: &["social_worker", "senior_social_worker"],
        needs_approval: false,
        sessions: &[(26, 14, 0, 16, 0)],
        criteria: &["ssw_rights_justice_1"],
    },
    EventSeed {
        key: "anti_racist_practice_forum",
        title: "Anti-racist practice forum",
        summary: "A facilitated discussion of anonymised cases, looking at identity, adultification and how our decisions may be shaped by racism.",
        facilitator: "Nadia Rahman",
        capacity: 40,
        online: true,
        place: "Online (Teams)",
        levels: &[],
        needs_approval: false,
        sessions: &[(33, 10, 0, 12, 0)],
        criteria: &[
            "nqsw_diversity_equality_2",
            "sw_diversity_equality_2",
            "ap_diversity_equality_2",
        ],
    },
    EventSeed {
        key: "new_supervisors_forum",
        title: "New supervisors' forum: supervision that makes a difference",
        summary: "A peer forum for people in their first year of supervising: bring a supervision dilemma and leave with ideas to try.",
        facilitator: "Daniel Okafor",
        capacity: 15,
        online: false,
        place: "Training Room 2, Civic Centre",
        levels: &[],
        needs_approval: false,
        sessions: &[(47, 9, 30, 12, 30)],
        criteria: &["ssw_critical_reflection_2", "ssw_professional_leadership_3"],
    },
    EventSeed {
        key: "chronology_workshop",
        title: "Chronologies and analysis workshop",
        summary: "A hands-on morning building a chronology from a case study and turning the patterns into analysis.",
        facilitator: "Rebecca Hollins",
        capacity: 18,
        online: false,
        place: "Learning Centre, Room 4",
        levels: &["nqsw", "social_worker"],
        needs_approval: false,
        sessions: &[(-21, 9, 30, 12, 30)],
        criteria: &["nqsw_critical_reflection_2", "sw_critical_reflection_2"],
    },
    EventSeed {
        key: "domestic_abuse_practice_day",
        title: "Domestic abuse: seeing the whole family",
        summary: "A practice day on coercive control, children as victims in their own right, and joint plans with specialist services.",
        facilitator: "Karen Doyle",
        capacity: 30,
        online: true,
        place: "Online (Teams)",
        levels: &[],
        needs_approval: false,
        sessions: &[(-10, 9, 30, 15, 30)],
        criteria: &["nqsw_knowledge_3", "sw_contexts_organisations_3"],
    },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::seed::framework::{PATHWAY_CRITERIA, PCF_DOMAINS};

    fn criterion_domain(key: &str) -> Option<&'static str> {
        PATHWAY_CRITERIA
            .iter()
            .find(|c| c.key == key)
            .map(|c| c.domain)
    }

    fn is_snake_case(key: &str) -> bool {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }

    #[test]
    fn resource_keys_are_unique_snake_case() {
        let mut seen = HashSet::new();
        for r in RESOURCES {
            assert!(is_snake_case(r.key), "{}", r.key);
            assert!(seen.insert(r.key), "duplicate resource key {}", r.key);
        }
    }

    #[test]
    fn event_keys_are_unique_snake_case() {
        let mut seen = HashSet::new();
        for e in EVENTS {
            assert!(is_snake_case(e.key), "{}", e.key);
            assert!(seen.insert(e.key), "duplicate event key {}", e.key);
        }
        let mut seen = HashSet::new();
        for p in PATHS {
            assert!(is_snake_case(p.key), "{}", p.key);
            assert!(seen.insert(p.key), "duplicate path key {}", p.key);
        }
    }

    #[test]
    fn every_criterion_used_exists() {
        for r in RESOURCES {
            assert!(r.criteria.len() <= 3, "{} maps too many criteria", r.key);
            let unique: HashSet<_> = r.criteria.iter().collect();
            assert_eq!(
                unique.len(),
                r.criteria.len(),
                "{} repeats a criterion",
                r.key
            );
            for c in r.criteria {
                assert!(
                    criterion_domain(c).is_some(),
                    "{} names unknown criterion {c}",
                    r.key
                );
            }
        }
        for e in EVENTS {
            for c in e.criteria {
                assert!(
                    criterion_domain(c).is_some(),
                    "event {} names unknown criterion {c}",
                    e.key
                );
            }
        }
    }

    #[test]
    fn path_steps_name_existing_resources_or_events() {
        assert_eq!(PATHS.len(), 4);
        let resources: HashSet<_> = RESOURCES.iter().map(|r| r.key).collect();
        let events: HashSet<_> = EVENTS.iter().map(|e| e.key).collect();
        for p in PATHS {
            assert!(
                (5..=8).contains(&p.steps.len()),
                "{} has {} steps",
                p.key,
                p.steps.len()
            );
            let unique: HashSet<_> = p.steps.iter().collect();
            assert_eq!(unique.len(), p.steps.len(), "{} repeats a step", p.key);
            let mut event_steps = 0;
            for step in p.steps {
                match step.strip_prefix("event:") {
                    Some(event) => {
                        event_steps += 1;
                        assert!(
                            events.contains(event),
                            "{} names unknown event {event}",
                            p.key
                        );
                    }
                    None => assert!(
                        resources.contains(step),
                        "{} names unknown resource {step}",
                        p.key
                    ),
                }
            }
            assert!(event_steps <= 1, "{} has more than one event", p.key);
            for level in p.levels {
                assert!(LIBRARY_LEVELS.contains(level), "{} level {level}", p.key);
            }
        }
    }

    #[test]
    fn enough_resources_of_each_kind() {
        assert!(RESOURCES.len() >= 60, "only {} resources", RESOURCES.len());
        for r in RESOURCES {
            assert!(
                RESOURCE_KINDS.iter().any(|(k, _)| *k == r.kind),
                "{} has unknown kind {}",
                r.key,
                r.kind
            );
        }
        for (kind, _) in RESOURCE_KINDS {
            let n = RESOURCES.iter().filter(|r| r.kind == *kind).count();
            assert!(n >= 5, "only {n} resources of kind {kind}");
        }
    }

    #[test]
    fn every_domain_is_mapped_by_at_least_three_resources() {
        for domain in PCF_DOMAINS {
            let n = RESOURCES
                .iter()
                .filter(|r| {
                    r.criteria
                        .iter()
                        .any(|c| criterion_domain(c) == Some(domain.key))
                })
                .count();
            assert!(
                n >= 3,
                "domain {} is mapped by only {n} resources",
                domain.key
            );
        }
    }

    #[test]
    fn every_level_is_served_by_several_resources() {
        for r in RESOURCES {
            for level in r.levels {
                assert!(LIBRARY_LEVELS.contains(level), "{} level {level}", r.key);
            }
        }
        // The pathway's own levels; the library may also aim at assistants and managers.
        for level in [
            "nqsw",
            "social_worker",
            "senior_social_worker",
            "advanced_practitioner",
        ] {
            let n = RESOURCES
                .iter()
                .filter(|r| r.levels.contains(&level))
                .count();
            assert!(n >= 3, "only {n} resources aimed at {level}");
        }
        assert!(RESOURCES.iter().filter(|r| r.levels.is_empty()).count() >= 3);
    }

    #[test]
    fn bodies_links_and_tags_are_well_formed() {
        for r in RESOURCES {
            assert!(!r.title.is_empty() && !r.summary.is_empty(), "{}", r.key);
            assert!(
                !r.body.trim().is_empty() || r.link.is_some(),
                "{} has neither body nor link",
                r.key
            );
            if BODY_KINDS.contains(&r.kind) {
                let words = r.body.split_whitespace().count();
                assert!(
                    (80..=250).contains(&words),
                    "{} body has {words} words",
                    r.key
                );
            }
            if let Some(link) = r.link {
                assert!(link.starts_with("https://"), "{} link {link}", r.key);
            }
            assert!(
                (2..=4).contains(&r.tags.len()),
                "{} has {} tags",
                r.key,
                r.tags.len()
            );
            for tag in r.tags {
                assert!(
                    !tag.is_empty() && tag.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                    "{} tag {tag}",
                    r.key
                );
            }
        }
        let tags: HashSet<&str> = RESOURCES
            .iter()
            .flat_map(|r| r.tags.iter().copied())
            .collect();
        assert!(
            (15..=40).contains(&tags.len()),
            "{} distinct tags",
            tags.len()
        );
        for tag in &tags {
            let n = RESOURCES.iter().filter(|r| r.tags.contains(tag)).count();
            assert!(n >= 2, "tag {tag} is used only once");
        }
    }

    #[test]
    fn review_dates_show_stale_and_due_resources() {
        let stale = RESOURCES.iter().filter(|r| r.review_by_months < 0).count();
        let due = RESOURCES
            .iter()
            .filter(|r| (0..=2).contains(&r.review_by_months))
            .count();
        assert!((4..=8).contains(&stale), "{stale} stale resources");
        assert!((4..=8).contains(&due), "{due} resources due for review");
        for r in RESOURCES {
            assert!(
                r.review_by_months < 3 || (6..=24).contains(&r.review_by_months),
                "{} review in {} months",
                r.key,
                r.review_by_months
            );
        }
    }

    #[test]
    fn events_cover_each_demo_state() {
        assert_eq!(EVENTS.len(), 10);
        for e in EVENTS {
            assert!(e.capacity > 0, "{}", e.key);
            assert!(!e.sessions.is_empty(), "{} has no sessions", e.key);
            assert_eq!(e.online, e.place.starts_with("Online"), "{}", e.key);
            for level in e.levels {
                assert!(LIBRARY_LEVELS.contains(level), "{} level {level}", e.key);
            }
            for &(_, sh, sm, eh, em) in e.sessions {
                assert!(sh < 24 && eh < 24 && sm < 60 && em < 60, "{}", e.key);
                assert!(
                    (sh, sm) < (eh, em),
                    "{} session ends before it starts",
                    e.key
                );
            }
            for pair in e.sessions.windows(2) {
                assert!(pair[0].0 < pair[1].0, "{} sessions out of order", e.key);
            }
        }
        let past = EVENTS.iter().filter(|e| e.sessions[0].0 < 0).count();
        assert_eq!(past, 2);
        assert!(EVENTS.iter().any(|e| e.capacity == 2));
        assert_eq!(EVENTS.iter().filter(|e| e.needs_approval).count(), 2);
        assert!(EVENTS.iter().any(|e| {
            e.sessions.len() == 3 && e.sessions.windows(2).all(|w| w[1].0 - w[0].0 == 7)
        }));
    }
}
