//! The demo council's career pathway (the nine PCF domains) and the practitioner Knowledge
//! and Skills Statements, written in Pathway's own words for the demo council.
//!
//! Only the PCF domain names and the KSS statement titles are taken from the published
//! frameworks; every criterion statement and description here is original text, because
//! BASW's PCF descriptors and the DfE statement text are copyright.

/// One PCF domain as the demo council's pathway uses it.
pub struct DomainSeed {
    pub key: &'static str,
    pub name: &'static str,
    pub group: &'static str,
}

/// The nine PCF domains, in the PCF's order; `group` is the super-domain (Purpose, Practice, Impact).
pub const PCF_DOMAINS: &[DomainSeed] = &[
    DomainSeed {
        key: "professionalism",
        name: "Professionalism",
        group: "Purpose",
    },
    DomainSeed {
        key: "values_ethics",
        name: "Values and Ethics",
        group: "Purpose",
    },
    DomainSeed {
        key: "diversity_equality",
        name: "Diversity and Equality",
        group: "Purpose",
    },
    DomainSeed {
        key: "rights_justice",
        name: "Rights, Justice and Economic Wellbeing",
        group: "Purpose",
    },
    DomainSeed {
        key: "knowledge",
        name: "Knowledge",
        group: "Practice",
    },
    DomainSeed {
        key: "critical_reflection",
        name: "Critical Reflection and Analysis",
        group: "Practice",
    },
    DomainSeed {
        key: "skills_interventions",
        name: "Skills and Interventions",
        group: "Practice",
    },
    DomainSeed {
        key: "contexts_organisations",
        name: "Contexts and Organisations",
        group: "Impact",
    },
    DomainSeed {
        key: "professional_leadership",
        name: "Professional Leadership",
        group: "Impact",
    },
];

/// One thing a person at a career level is expected to show in one domain.
pub struct CriterionSeed {
    /// Stable key, carried from version to version of the framework.
    pub key: &'static str,
    pub domain: &'static str,
    pub level: &'static str,
    pub statement: &'static str,
    /// Numbers (1-10) of the practitioner KSS statements this criterion maps to.
    pub kss: &'static [u8],
}

/// The demo council's pathway: three criteria per domain per career level, level by level,
/// domain by domain in PCF order. Expectations rise from safe, supported practice at the end
/// of the ASYE to practice leadership across the service.
pub const PATHWAY_CRITERIA: &[CriterionSeed] = &[
    // ---- NQSW: end of the assessed and supported first year ----
    CriterionSeed {
        key: "nqsw_professionalism_1",
        domain: "professionalism",
        level: "nqsw",
        statement: "Keeps Social Work England registration current and records at least two CPD entries a year, one including peer reflection.",
        kss: &[9, 10],
    },
    CriterionSeed {
        key: "nqsw_professionalism_2",
        domain: "professionalism",
        level: "nqsw",
        statement: "Prepares for supervision with an agenda, brings the cases where they feel stuck, and acts on the agreed actions.",
        kss: &[9],
    },
    CriterionSeed {
        key: "nqsw_professionalism_3",
        domain: "professionalism",
        level: "nqsw",
        statement: "Manages a protected caseload within agreed timescales, telling their supervisor early when visits, records or reports are slipping.",
        kss: &[10, 9],
    },
    CriterionSeed {
        key: "nqsw_values_ethics_1",
        domain: "values_ethics",
        level: "nqsw",
        statement: "Explains to children and parents, in plain words, why the council is involved and what will happen next.",
        kss: &[1, 2],
    },
    CriterionSeed {
        key: "nqsw_values_ethics_2",
        domain: "values_ethics",
        level: "nqsw",
        statement: "Seeks consent before sharing information, and records the reason whenever information is shared without consent to keep a child safe.",
        kss: &[8, 2],
    },
    CriterionSeed {
        key: "nqsw_values_ethics_3",
        domain: "values_ethics",
        level: "nqsw",
        statement: "Talks through value conflicts, such as a parent's wishes against a child's safety, with their supervisor before acting.",
        kss: &[9, 7],
    },
    CriterionSeed {
        key: "nqsw_diversity_equality_1",
        domain: "diversity_equality",
        level: "nqsw",
        statement: "Records each child's identity, language, faith, culture and disability needs, and books interpreters or communication support when needed.",
        kss: &[6, 2],
    },
    CriterionSeed {
        key: "nqsw_diversity_equality_2",
        domain: "diversity_equality",
        level: "nqsw",
        statement: "Notices how poverty, racism or disability shape a family's circumstances and names this in assessments rather than blaming the family.",
        kss: &[6, 4],
    },
    CriterionSeed {
        key: "nqsw_diversity_equality_3",
        domain: "diversity_equality",
        level: "nqsw",
        statement: "Reflects in supervision on how their own background may colour how they see a family, and adjusts their approach.",
        kss: &[9, 1],
    },
    CriterionSeed {
        key: "nqsw_rights_justice_1",
        domain: "rights_justice",
        level: "nqsw",
        statement: "Makes sure families know their rights to advocacy, legal advice and to complain, from the start of the council's involvement.",
        kss: &[8, 2],
    },
    CriterionSeed {
        key: "nqsw_rights_justice_2",
        domain: "rights_justice",
        level: "nqsw",
        statement: "Helps families claim benefits, grants and practical help, and records how money worries affect the children's daily lives.",
        kss: &[4, 6],
    },
    CriterionSeed {
        key: "nqsw_rights_justice_3",
        domain: "rights_justice",
        level: "nqsw",
        statement: "Follows council procedures for section 17 and section 47 work, checking thresholds with a manager when unsure.",
        kss: &[8, 10],
    },
    CriterionSeed {
        key: "nqsw_knowledge_1",
        domain: "knowledge",
        level: "nqsw",
        statement: "Uses child development knowledge to judge whether a child's growth, learning and behaviour are as expected for their age.",
        kss: &[3, 6],
    },
    CriterionSeed {
        key: "nqsw_knowledge_2",
        domain: "knowledge",
        level: "nqsw",
        statement: "Describes the signs of neglect, of physical, emotional and sexual abuse and of exploitation, and knows who to tell and how quickly.",
        kss: &[5],
    },
    CriterionSeed {
        key: "nqsw_knowledge_3",
        domain: "knowledge",
        level: "nqsw",
        statement: "Explains how parental mental ill health, substance misuse and domestic abuse can affect a child, drawing on training and reading.",
        kss: &[4],
    },
    CriterionSeed {
        key: "nqsw_critical_reflection_1",
        domain: "critical_reflection",
        level: "nqsw",
        statement: "Keeps a reflective log through the first year, linking what happened on visits to theory and to what they would change.",
        kss: &[9, 7],
    },
    CriterionSeed {
        key: "nqsw_critical_reflection_2",
        domain: "critical_reflection",
        level: "nqsw",
        statement: "Separates fact from opinion in case records and says where each piece of information came from and how reliable it is.",
        kss: &[7, 2],
    },
    CriterionSeed {
        key: "nqsw_critical_reflection_3",
        domain: "critical_reflection",
        level: "nqsw",
        statement: "Uses feedback from observations, supervisors and families to set clear goals in their professional development plan.",
        kss: &[9],
    },
    CriterionSeed {
        key: "nqsw_skills_interventions_1",
        domain: "skills_interventions",
        level: "nqsw",
        statement: "Plans and records home visits that include seeing the child alone and capturing their wishes and feelings in their own words.",
        kss: &[1, 2, 6],
    },
    CriterionSeed {
        key: "nqsw_skills_interventions_2",
        domain: "skills_interventions",
        level: "nqsw",
        statement: "Completes child and family assessments within timescales, using several sources and checking the history held by other agencies.",
        kss: &[6, 7],
    },
    CriterionSeed {
        key: "nqsw_skills_interventions_3",
        domain: "skills_interventions",
        level: "nqsw",
        statement: "Writes child in need and child protection plans with specific, measurable actions that families and partners can understand.",
        kss: &[7, 2],
    },
    CriterionSeed {
        key: "nqsw_contexts_organisations_1",
        domain: "contexts_organisations",
        level: "nqsw",
        statement: "Shares information with schools, health and police promptly, following the local safeguarding partnership's procedures.",
        kss: &[10, 5],
    },
    CriterionSeed {
        key: "nqsw_contexts_organisations_2",
        domain: "contexts_organisations",
        level: "nqsw",
        statement: "Arrives prepared at strategy discussions, conferences and core groups, and follows up the actions agreed for the child.",
        kss: &[7, 10],
    },
    CriterionSeed {
        key: "nqsw_contexts_organisations_3",
        domain: "contexts_organisations",
        level: "nqsw",
        statement: "Uses the council's recording system accurately, so that another worker could pick up the case and understand the child's story.",
        kss: &[10, 2],
    },
    CriterionSeed {
        key: "nqsw_professional_leadership_1",
        domain: "professional_leadership",
        level: "nqsw",
        statement: "Shares learning from training or reading with their team, for example in a team meeting or group supervision.",
        kss: &[9, 10],
    },
    CriterionSeed {
        key: "nqsw_professional_leadership_2",
        domain: "professional_leadership",
        level: "nqsw",
        statement: "Talks openly about their own practice with peers and students, including what went less well and what they learnt.",
        kss: &[9],
    },
    CriterionSeed {
        key: "nqsw_professional_leadership_3",
        domain: "professional_leadership",
        level: "nqsw",
        statement: "Asks children and families for feedback on their work and uses it to improve how they practise.",
        kss: &[1, 2],
    },
    // ---- Social Worker: confident independent practice with a complex caseload ----
    CriterionSeed {
        key: "sw_professionalism_1",
        domain: "professionalism",
        level: "social_worker",
        statement: "Manages a full caseload of child in need, child protection and looked-after children's cases, prioritising by risk without prompting.",
        kss: &[10, 7],
    },
    CriterionSeed {
        key: "sw_professionalism_2",
        domain: "professionalism",
        level: "social_worker",
        statement: "Uses supervision to test their thinking and manage the emotional impact of the work, not only to report case progress.",
        kss: &[9],
    },
    CriterionSeed {
        key: "sw_professionalism_3",
        domain: "professionalism",
        level: "social_worker",
        statement: "Keeps clear professional boundaries with families and colleagues, including on social media and when offered gifts or favours.",
        kss: &[1, 10],
    },
    CriterionSeed {
        key: "sw_values_ethics_1",
        domain: "values_ethics",
        level: "social_worker",
        statement: "Balances parents' rights with the child's welfare openly, explaining to the family how and why a decision was reached.",
        kss: &[7, 8, 2],
    },
    CriterionSeed {
        key: "sw_values_ethics_2",
        domain: "values_ethics",
        level: "social_worker",
        statement: "Challenges respectfully when another agency's decision seems unfair to a child, and records the challenge and the response.",
        kss: &[10, 7],
    },
    CriterionSeed {
        key: "sw_values_ethics_3",
        domain: "values_ethics",
        level: "social_worker",
        statement: "Works to keep children safely with their families wherever possible, building on the strengths the family already has.",
        kss: &[1, 6],
    },
    CriterionSeed {
        key: "sw_diversity_equality_1",
        domain: "diversity_equality",
        level: "social_worker",
        statement: "Adapts direct work for disabled children, including children who do not use speech, so that their views are properly heard.",
        kss: &[2, 3, 1],
    },
    CriterionSeed {
        key: "sw_diversity_equality_2",
        domain: "diversity_equality",
        level: "social_worker",
        statement: "Shows in assessments how culture, faith, ethnicity, sexuality and gender identity were explored with the family rather than assumed.",
        kss: &[6],
    },
    CriterionSeed {
        key: "sw_diversity_equality_3",
        domain: "diversity_equality",
        level: "social_worker",
        statement: "Identifies barriers that stop families using services, such as language, transport or stigma, and acts to remove them.",
        kss: &[4, 10],
    },
    CriterionSeed {
        key: "sw_rights_justice_1",
        domain: "rights_justice",
        level: "social_worker",
        statement: "Prepares clear, evidenced statements for care proceedings, meeting the deadlines agreed with the council's legal team.",
        kss: &[8, 7],
    },
    CriterionSeed {
        key: "sw_rights_justice_2",
        domain: "rights_justice",
        level: "social_worker",
        statement: "Uses the pre-proceedings process so that parents understand the concerns, know what must change and get legal advice early.",
        kss: &[8, 2],
    },
    CriterionSeed {
        key: "sw_rights_justice_3",
        domain: "rights_justice",
        level: "social_worker",
        statement: "Helps young people in or leaving care get what they are entitled to, such as education support, housing and a personal adviser.",
        kss: &[8, 10],
    },
    CriterionSeed {
        key: "sw_knowledge_1",
        domain: "knowledge",
        level: "social_worker",
        statement: "Applies attachment and trauma research to explain a child's behaviour and to choose suitable ways of helping them.",
        kss: &[3, 1],
    },
    CriterionSeed {
        key: "sw_knowledge_2",
        domain: "knowledge",
        level: "social_worker",
        statement: "Recognises less visible harm, such as cumulative neglect, coercive control and criminal exploitation, and explains its impact on the child.",
        kss: &[5, 4],
    },
    CriterionSeed {
        key: "sw_knowledge_3",
        domain: "knowledge",
        level: "social_worker",
        statement: "Uses working knowledge of family law and youth justice to explain likely processes and options to families.",
        kss: &[8],
    },
    CriterionSeed {
        key: "sw_critical_reflection_1",
        domain: "critical_reflection",
        level: "social_worker",
        statement: "Tests their working hypothesis about a family against new information, and revises the plan when the evidence changes.",
        kss: &[7, 6],
    },
    CriterionSeed {
        key: "sw_critical_reflection_2",
        domain: "critical_reflection",
        level: "social_worker",
        statement: "Writes analysis that weighs risks against strengths and sets out the likely outcome for the child if nothing changes.",
        kss: &[7, 6],
    },
    CriterionSeed {
        key: "sw_critical_reflection_3",
        domain: "critical_reflection",
        level: "social_worker",
        statement: "Reflects on cases that did not go as planned, naming what they would do differently and discussing it in supervision.",
        kss: &[9, 7],
    },
    CriterionSeed {
        key: "sw_skills_interventions_1",
        domain: "skills_interventions",
        level: "social_worker",
        statement: "Chooses structured direct work tools, such as ecomaps or life story work, that suit the child's age and needs.",
        kss: &[1, 3],
    },
    CriterionSeed {
        key: "sw_skills_interventions_2",
        domain: "skills_interventions",
        level: "social_worker",
        statement: "Engages reluctant or hostile parents, keeping the focus on the child while staying calm, honest and respectful.",
        kss: &[1, 2, 4],
    },
    CriterionSeed {
        key: "sw_skills_interventions_3",
        domain: "skills_interventions",
        level: "social_worker",
        statement: "Reviews plans with families and partners at agreed points, judging whether change is happening quickly enough for the child.",
        kss: &[7],
    },
    CriterionSeed {
        key: "sw_contexts_organisations_1",
        domain: "contexts_organisations",
        level: "social_worker",
        statement: "Coordinates the professional network around a child, making sure each agency knows its part and acts on time.",
        kss: &[10, 7],
    },
    CriterionSeed {
        key: "sw_contexts_organisations_2",
        domain: "contexts_organisations",
        level: "social_worker",
        statement: "Understands how budgets, commissioning and thresholds shape the services on offer, and makes well-argued requests for resources.",
        kss: &[10],
    },
    CriterionSeed {
        key: "sw_contexts_organisations_3",
        domain: "contexts_organisations",
        level: "social_worker",
        statement: "Works with adult mental health, substance misuse and domestic abuse services to agree one joined-up plan for the family.",
        kss: &[4, 10],
    },
    CriterionSeed {
        key: "sw_professional_leadership_1",
        domain: "professional_leadership",
        level: "social_worker",
        statement: "Hosts students and new starters on shadowing visits, explaining the reasons behind their decisions as they go.",
        kss: &[9, 1],
    },
    CriterionSeed {
        key: "sw_professional_leadership_2",
        domain: "professional_leadership",
        level: "social_worker",
        statement: "Takes part in case audits, learning reviews or practice weeks, and applies what is learnt to their own cases.",
        kss: &[10, 7],
    },
    CriterionSeed {
        key: "sw_professional_leadership_3",
        domain: "professional_leadership",
        level: "social_worker",
        statement: "Contributes to team development by bringing resources, research summaries or practice examples to team meetings.",
        kss: &[9, 10],
    },
    // ---- Senior Social Worker: complex and contested cases, mentoring, leading a practice area ----
    CriterionSeed {
        key: "ssw_professionalism_1",
        domain: "professionalism",
        level: "senior_social_worker",
        statement: "Holds the most complex and contested cases, including those before the court, while keeping records and decisions to a high standard.",
        kss: &[8, 7],
    },
    CriterionSeed {
        key: "ssw_professionalism_2",
        domain: "professionalism",
        level: "senior_social_worker",
        statement: "Mentors newly qualified social workers through their first year, giving regular, honest feedback linked to the assessment criteria.",
        kss: &[9],
    },
    CriterionSeed {
        key: "ssw_professionalism_3",
        domain: "professionalism",
        level: "senior_social_worker",
        statement: "Stays calm and accountable under pressure, and supports colleagues after distressing events such as a serious injury to a child.",
        kss: &[9, 10],
    },
    CriterionSeed {
        key: "ssw_values_ethics_1",
        domain: "values_ethics",
        level: "senior_social_worker",
        statement: "Helps colleagues work through ethical dilemmas in complex cases, setting out the options, rights and risks of each.",
        kss: &[7, 9],
    },
    CriterionSeed {
        key: "ssw_values_ethics_2",
        domain: "values_ethics",
        level: "senior_social_worker",
        statement: "Makes sure children's voices shape contested decisions, including when professionals or parents strongly disagree.",
        kss: &[1, 2, 7],
    },
    CriterionSeed {
        key: "ssw_values_ethics_3",
        domain: "values_ethics",
        level: "senior_social_worker",
        statement: "Uses the council's escalation and dispute procedures when a child's plan is drifting or unsafe, and sees the concern through.",
        kss: &[10, 7],
    },
    CriterionSeed {
        key: "ssw_diversity_equality_1",
        domain: "diversity_equality",
        level: "senior_social_worker",
        statement: "Spots patterns of disadvantage in the team's caseload, such as some groups being over-represented, and raises them with managers.",
        kss: &[10, 6],
    },
    CriterionSeed {
        key: "ssw_diversity_equality_2",
        domain: "diversity_equality",
        level: "senior_social_worker",
        statement: "Coaches less experienced colleagues to explore identity and culture with families confidently and without stereotyping.",
        kss: &[9, 6],
    },
    CriterionSeed {
        key: "ssw_diversity_equality_3",
        domain: "diversity_equality",
        level: "senior_social_worker",
        statement: "Leads culturally informed planning for children placed away from their community, covering family time, language and faith.",
        kss: &[7, 3],
    },
    CriterionSeed {
        key: "ssw_rights_justice_1",
        domain: "rights_justice",
        level: "senior_social_worker",
        statement: "Gives evidence in court confidently, explaining the social work analysis and answering cross-examination clearly and fairly.",
        kss: &[8, 2],
    },
    CriterionSeed {
        key: "ssw_rights_justice_2",
        domain: "rights_justice",
        level: "senior_social_worker",
        statement: "Advises colleagues on legal questions, such as voluntary accommodation and parental responsibility, and on when to seek legal advice.",
        kss: &[8, 9],
    },
    CriterionSeed {
        key: "ssw_rights_justice_3",
        domain: "rights_justice",
        level: "senior_social_worker",
        statement: "Advocates for families facing housing, immigration or money crises, working with partners to lessen the harm to the children.",
        kss: &[4, 10],
    },
    CriterionSeed {
        key: "ssw_knowledge_1",
        domain: "knowledge",
        level: "senior_social_worker",
        statement: "Keeps up with research and practice review findings in their area, and shares short summaries with the team.",
        kss: &[5, 10],
    },
    CriterionSeed {
        key: "ssw_knowledge_2",
        domain: "knowledge",
        level: "senior_social_worker",
        statement: "Applies specialist knowledge, such as of exploitation, disability or parental mental illness, to complex assessments and plans.",
        kss: &[4, 5, 6],
    },
    CriterionSeed {
        key: "ssw_knowledge_3",
        domain: "knowledge",
        level: "senior_social_worker",
        statement: "Explains child development and the effects of harm to courts, conferences and parents in clear, everyday language.",
        kss: &[3, 5, 2],
    },
    CriterionSeed {
        key: "ssw_critical_reflection_1",
        domain: "critical_reflection",
        level: "senior_social_worker",
        statement: "Weighs complex, conflicting information from many sources and reaches a clear, defensible recommendation for the child.",
        kss: &[7, 6],
    },
    CriterionSeed {
        key: "ssw_critical_reflection_2",
        domain: "critical_reflection",
        level: "senior_social_worker",
        statement: "Leads reflective case discussions that help colleagues spot bias, drift and over-optimism in their thinking.",
        kss: &[9, 7],
    },
    CriterionSeed {
        key: "ssw_critical_reflection_3",
        domain: "critical_reflection",
        level: "senior_social_worker",
        statement: "Uses audit findings on their own cases to improve their practice, and sets development goals for the year ahead.",
        kss: &[9, 10],
    },
    CriterionSeed {
        key: "ssw_skills_interventions_1",
        domain: "skills_interventions",
        level: "senior_social_worker",
        statement: "Leads parenting and complex family assessments that bring specialist reports together with the family's own account.",
        kss: &[6, 4],
    },
    CriterionSeed {
        key: "ssw_skills_interventions_2",
        domain: "skills_interventions",
        level: "senior_social_worker",
        statement: "Uses evidence-based approaches, such as motivational interviewing or family group conferences, to help families make lasting change.",
        kss: &[1, 7],
    },
    CriterionSeed {
        key: "ssw_skills_interventions_3",
        domain: "skills_interventions",
        level: "senior_social_worker",
        statement: "Plans and leads sensitive direct work, such as explaining to a child a plan for adoption or long-term care.",
        kss: &[1, 2, 3],
    },
    CriterionSeed {
        key: "ssw_contexts_organisations_1",
        domain: "contexts_organisations",
        level: "senior_social_worker",
        statement: "Represents the team at multi-agency meetings and panels, presenting cases clearly and negotiating for what the child needs.",
        kss: &[10, 2],
    },
    CriterionSeed {
        key: "ssw_contexts_organisations_2",
        domain: "contexts_organisations",
        level: "senior_social_worker",
        statement: "Leads on a practice area for the team, such as exploitation or neglect, and is the first point of advice on it.",
        kss: &[5, 10],
    },
    CriterionSeed {
        key: "ssw_contexts_organisations_3",
        domain: "contexts_organisations",
        level: "senior_social_worker",
        statement: "Helps the team manager allocate and review work, flagging risks from caseload pressure and drifting cases.",
        kss: &[10, 9],
    },
    CriterionSeed {
        key: "ssw_professional_leadership_1",
        domain: "professional_leadership",
        level: "senior_social_worker",
        statement: "Supervises students on placement, assessing their practice fairly against the required standards and recording the evidence.",
        kss: &[9],
    },
    CriterionSeed {
        key: "ssw_professional_leadership_2",
        domain: "professional_leadership",
        level: "senior_social_worker",
        statement: "Runs short training or practice sessions for colleagues, drawing on their own expertise and current research.",
        kss: &[10, 9],
    },
    CriterionSeed {
        key: "ssw_professional_leadership_3",
        domain: "professional_leadership",
        level: "senior_social_worker",
        statement: "Observes colleagues' direct practice and gives specific, constructive feedback that helps them improve.",
        kss: &[9, 1],
    },
    // ---- Advanced Practitioner: practice leadership across the service ----
    CriterionSeed {
        key: "ap_professionalism_1",
        domain: "professionalism",
        level: "advanced_practitioner",
        statement: "Sets and models high standards of practice across the service, and is a visible source of advice for every team.",
        kss: &[10, 9],
    },
    CriterionSeed {
        key: "ap_professionalism_2",
        domain: "professionalism",
        level: "advanced_practitioner",
        statement: "Coaches social workers and managers through complex decisions, building their confidence rather than taking over the case.",
        kss: &[9, 7],
    },
    CriterionSeed {
        key: "ap_professionalism_3",
        domain: "professionalism",
        level: "advanced_practitioner",
        statement: "Keeps developing through research, peer networks and reflective supervision, and shows how this shapes practice in the service.",
        kss: &[9],
    },
    CriterionSeed {
        key: "ap_values_ethics_1",
        domain: "values_ethics",
        level: "advanced_practitioner",
        statement: "Leads service-wide conversations on ethical practice, such as how the council uses its statutory authority with families.",
        kss: &[10, 8],
    },
    CriterionSeed {
        key: "ap_values_ethics_2",
        domain: "values_ethics",
        level: "advanced_practitioner",
        statement: "Reviews policies, procedures and meetings to check that children's rights and family participation are built into them.",
        kss: &[10, 1],
    },
    CriterionSeed {
        key: "ap_values_ethics_3",
        domain: "values_ethics",
        level: "advanced_practitioner",
        statement: "Supports managers to make hard decisions, such as separating siblings, with clear ethical reasoning written on the record.",
        kss: &[7, 9],
    },
    CriterionSeed {
        key: "ap_diversity_equality_1",
        domain: "diversity_equality",
        level: "advanced_practitioner",
        statement: "Uses service data to find inequalities in outcomes or in who receives help, and leads action to tackle them.",
        kss: &[10, 7],
    },
    CriterionSeed {
        key: "ap_diversity_equality_2",
        domain: "diversity_equality",
        level: "advanced_practitioner",
        statement: "Writes or updates guidance and training on anti-racist and anti-oppressive practice, and checks whether practice actually changes.",
        kss: &[10, 9],
    },
    CriterionSeed {
        key: "ap_diversity_equality_3",
        domain: "diversity_equality",
        level: "advanced_practitioner",
        statement: "Brings the voices of children and families from under-represented communities into service planning and improvement work.",
        kss: &[1, 2, 10],
    },
    CriterionSeed {
        key: "ap_rights_justice_1",
        domain: "rights_justice",
        level: "advanced_practitioner",
        statement: "Quality-assures court work across the service, raising the standard of statements, care plans and pre-proceedings letters.",
        kss: &[8, 7],
    },
    CriterionSeed {
        key: "ap_rights_justice_2",
        domain: "rights_justice",
        level: "advanced_practitioner",
        statement: "Advises on the hardest legal questions, working with legal services to keep practice lawful and proportionate.",
        kss: &[8, 10],
    },
    CriterionSeed {
        key: "ap_rights_justice_3",
        domain: "rights_justice",
        level: "advanced_practitioner",
        statement: "Influences council and partner policy on poverty, housing or youth justice, using evidence of how children are affected.",
        kss: &[8, 4, 10],
    },
    CriterionSeed {
        key: "ap_knowledge_1",
        domain: "knowledge",
        level: "advanced_practitioner",
        statement: "Turns research and inspection findings into practical guidance that teams across the service actually use.",
        kss: &[10, 7],
    },
    CriterionSeed {
        key: "ap_knowledge_2",
        domain: "knowledge",
        level: "advanced_practitioner",
        statement: "Acts as the service's expert on a specialist area, such as early childhood or adult mental ill health, advising every team.",
        kss: &[3, 4],
    },
    CriterionSeed {
        key: "ap_knowledge_3",
        domain: "knowledge",
        level: "advanced_practitioner",
        statement: "Leads small practice research or evaluation, such as trialling a new assessment tool, and shares the results.",
        kss: &[6, 10],
    },
    CriterionSeed {
        key: "ap_critical_reflection_1",
        domain: "critical_reflection",
        level: "advanced_practitioner",
        statement: "Leads case audits and moderation, giving clear judgements on quality and making sure the learning reaches practitioners and managers.",
        kss: &[7, 10],
    },
    CriterionSeed {
        key: "ap_critical_reflection_2",
        domain: "critical_reflection",
        level: "advanced_practitioner",
        statement: "Facilitates group supervision or reflective forums that help teams think critically about risk and uncertainty.",
        kss: &[9, 7],
    },
    CriterionSeed {
        key: "ap_critical_reflection_3",
        domain: "critical_reflection",
        level: "advanced_practitioner",
        statement: "Draws out themes from reviews and complaints, and tests whether changes to the service have improved children's experiences.",
        kss: &[10, 5],
    },
    CriterionSeed {
        key: "ap_skills_interventions_1",
        domain: "skills_interventions",
        level: "advanced_practitioner",
        statement: "Co-works the most complex cases alongside allocated workers to model skilled direct work, assessment and analysis.",
        kss: &[1, 6, 7],
    },
    CriterionSeed {
        key: "ap_skills_interventions_2",
        domain: "skills_interventions",
        level: "advanced_practitioner",
        statement: "Introduces and embeds practice models or tools across the service, supporting staff until they use them well.",
        kss: &[10, 9],
    },
    CriterionSeed {
        key: "ap_skills_interventions_3",
        domain: "skills_interventions",
        level: "advanced_practitioner",
        statement: "Observes direct practice for the ASYE and progression, giving feedback that links what the worker did to outcomes for children.",
        kss: &[9, 1],
    },
    CriterionSeed {
        key: "ap_contexts_organisations_1",
        domain: "contexts_organisations",
        level: "advanced_practitioner",
        statement: "Works with senior managers and partners to shape how services are designed, using frontline evidence about what helps families.",
        kss: &[10],
    },
    CriterionSeed {
        key: "ap_contexts_organisations_2",
        domain: "contexts_organisations",
        level: "advanced_practitioner",
        statement: "Contributes to quality assurance reports for leaders, explaining what audit and performance data show about practice.",
        kss: &[10, 7],
    },
    CriterionSeed {
        key: "ap_contexts_organisations_3",
        domain: "contexts_organisations",
        level: "advanced_practitioner",
        statement: "Helps the service prepare for and learn from inspections and local child safeguarding practice reviews.",
        kss: &[10, 5],
    },
    CriterionSeed {
        key: "ap_professional_leadership_1",
        domain: "professional_leadership",
        level: "advanced_practitioner",
        statement: "Leads the learning offer in their practice area, planning, delivering and evaluating training, workshops and practice guidance.",
        kss: &[10, 9],
    },
    CriterionSeed {
        key: "ap_professional_leadership_2",
        domain: "professional_leadership",
        level: "advanced_practitioner",
        statement: "Develops future practice supervisors and senior practitioners through coaching, shadowing and structured development plans.",
        kss: &[9],
    },
    CriterionSeed {
        key: "ap_professional_leadership_3",
        domain: "professional_leadership",
        level: "advanced_practitioner",
        statement: "Builds a team culture where staff share mistakes and learning safely, helping the council keep skilled social workers.",
        kss: &[9, 10],
    },
];

/// One Knowledge and Skills Statement.
pub struct StatementSeed {
    pub key: &'static str,
    pub number: u8,
    pub title: &'static str,
    pub description: &'static str,
}

/// The ten practitioner statements (titles as published; descriptions in our words).
// Source: DfE, "Post-qualifying standard: knowledge and skills statement for child and family practitioners" (2018).
pub const KSS_PRACTITIONER: &[StatementSeed] = &[
    StatementSeed {
        key: "kss_1",
        number: 1,
        title: "Relationships and effective direct work",
        description: "Builds honest, trusting relationships with children and families and uses purposeful direct work to help them make and keep changes.",
    },
    StatementSeed {
        key: "kss_2",
        number: 2,
        title: "Communication",
        description: "Communicates clearly with children of every age and ability, with families and with professionals, in person and in writing.",
    },
    StatementSeed {
        key: "kss_3",
        number: 3,
        title: "Child development",
        description: "Understands how children grow and develop, how harm and adversity disrupt this, and uses that understanding in assessment and planning.",
    },
    StatementSeed {
        key: "kss_4",
        number: 4,
        title: "Adult mental ill health, substance misuse, domestic abuse, physical ill health and disability",
        description: "Understands how these adult difficulties can affect parenting and children, and works with adult services to respond to them.",
    },
    StatementSeed {
        key: "kss_5",
        number: 5,
        title: "Abuse and neglect of children",
        description: "Recognises the signs and effects of abuse, neglect and exploitation, and acts promptly and proportionately to protect children.",
    },
    StatementSeed {
        key: "kss_6",
        number: 6,
        title: "Child and family assessment",
        description: "Gathers information from the child, the family and other professionals to build a rounded, evidenced picture of needs, risks and strengths.",
    },
    StatementSeed {
        key: "kss_7",
        number: 7,
        title: "Analysis, decision-making, planning and review",
        description: "Weighs evidence to reach sound judgements, makes clear plans with families, and checks whether those plans are making enough difference.",
    },
    StatementSeed {
        key: "kss_8",
        number: 8,
        title: "The law and the family and youth justice systems",
        description: "Knows and applies the law, statutory guidance and court processes that govern children's social care and youth justice.",
    },
    StatementSeed {
        key: "kss_9",
        number: 9,
        title: "The role of supervision",
        description: "Uses supervision actively to reflect, manage the emotional impact of the work, test judgements and keep learning.",
    },
    StatementSeed {
        key: "kss_10",
        number: 10,
        title: "Organisational context",
        description: "Works effectively within the council and its partnerships, understanding their policies, resources and accountabilities, and manages a caseload well.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const LEVELS: [&str; 4] = [
        "nqsw",
        "social_worker",
        "senior_social_worker",
        "advanced_practitioner",
    ];

    fn level_abbr(level: &str) -> &'static str {
        match level {
            "nqsw" => "nqsw",
            "social_worker" => "sw",
            "senior_social_worker" => "ssw",
            "advanced_practitioner" => "ap",
            other => panic!("unknown level {other}"),
        }
    }

    fn words(s: &str) -> usize {
        s.split_whitespace().count()
    }

    #[test]
    fn nine_domains_in_three_groups() {
        assert_eq!(PCF_DOMAINS.len(), 9);
        let keys: HashSet<_> = PCF_DOMAINS.iter().map(|d| d.key).collect();
        assert_eq!(keys.len(), 9, "domain keys must be unique");
        for d in PCF_DOMAINS {
            assert!(
                ["Purpose", "Practice", "Impact"].contains(&d.group),
                "{}",
                d.key
            );
        }
        let count = |g: &str| PCF_DOMAINS.iter().filter(|d| d.group == g).count();
        assert_eq!(
            (count("Purpose"), count("Practice"), count("Impact")),
            (4, 3, 2)
        );
    }

    #[test]
    fn three_criteria_per_domain_per_level() {
        assert_eq!(PATHWAY_CRITERIA.len(), 9 * 4 * 3);
        for level in LEVELS {
            for domain in PCF_DOMAINS {
                let n = PATHWAY_CRITERIA
                    .iter()
                    .filter(|c| c.level == level && c.domain == domain.key)
                    .count();
                assert_eq!(n, 3, "{level} / {}", domain.key);
            }
        }
        for c in PATHWAY_CRITERIA {
            assert!(LEVELS.contains(&c.level), "unknown level on {}", c.key);
        }
    }

    #[test]
    fn criteria_are_grouped_level_by_level_then_domain_by_domain() {
        let mut i = 0;
        for level in LEVELS {
            for domain in PCF_DOMAINS {
                for n in 1..=3 {
                    let c = &PATHWAY_CRITERIA[i];
                    assert_eq!(c.key, format!("{}_{}_{n}", level_abbr(level), domain.key));
                    assert_eq!((c.level, c.domain), (level, domain.key));
                    i += 1;
                }
            }
        }
    }

    #[test]
    fn criterion_keys_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for c in PATHWAY_CRITERIA {
            assert!(seen.insert(c.key), "duplicate key {}", c.key);
            assert!(
                !c.key.is_empty() && c.key.len() <= 64,
                "bad length: {}",
                c.key
            );
            assert!(
                c.key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "bad characters: {}",
                c.key
            );
        }
    }

    #[test]
    fn every_criterion_names_a_known_domain() {
        let domains: HashSet<_> = PCF_DOMAINS.iter().map(|d| d.key).collect();
        for c in PATHWAY_CRITERIA {
            assert!(
                domains.contains(c.domain),
                "{} has unknown domain {}",
                c.key,
                c.domain
            );
        }
    }

    #[test]
    fn statements_are_single_plain_sentences() {
        for c in PATHWAY_CRITERIA {
            let w = words(c.statement);
            assert!((8..=25).contains(&w), "{} has {w} words", c.key);
            assert!(
                c.statement.starts_with(|ch: char| ch.is_ascii_uppercase()),
                "{}",
                c.key
            );
            assert!(c.statement.ends_with('.'), "{}", c.key);
        }
        for s in KSS_PRACTITIONER {
            let w = words(s.description);
            assert!((10..=25).contains(&w), "{} has {w} words", s.key);
            assert!(s.description.ends_with('.'), "{}", s.key);
        }
    }

    #[test]
    fn kss_mappings_are_valid() {
        for c in PATHWAY_CRITERIA {
            assert!(
                !c.kss.is_empty() && c.kss.len() <= 3,
                "{} maps {} statements",
                c.key,
                c.kss.len()
            );
            let distinct: HashSet<_> = c.kss.iter().collect();
            assert_eq!(distinct.len(), c.kss.len(), "{} repeats a statement", c.key);
            for &n in c.kss {
                assert!((1..=10).contains(&n), "{} maps to KSS {n}", c.key);
            }
        }
    }

    #[test]
    fn every_kss_statement_is_mapped_by_at_least_three_criteria() {
        for n in 1..=10u8 {
            let count = PATHWAY_CRITERIA
                .iter()
                .filter(|c| c.kss.contains(&n))
                .count();
            assert!(count >= 3, "KSS {n} is mapped by only {count} criteria");
        }
    }

    #[test]
    fn ten_kss_statements_in_order() {
        assert_eq!(KSS_PRACTITIONER.len(), 10);
        for (i, s) in KSS_PRACTITIONER.iter().enumerate() {
            let n = i as u8 + 1;
            assert_eq!(s.number, n);
            assert_eq!(s.key, format!("kss_{n}"));
            assert!(!s.title.is_empty());
        }
    }
}
