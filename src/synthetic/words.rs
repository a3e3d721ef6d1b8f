//! The words synthetic projects are made of: names of priorities, areas of need, measures,
//! sources, owners, partners, and filler for descriptions. All made up or generic.

use crate::model::{Direction, Unit};

pub(super) const PRIORITIES: &[&str] = &[
    "A fair and inclusive town",
    "Healthy, happy residents",
    "A thriving local economy",
    "Safe and resilient communities",
    "A green and sustainable place",
    "Children get the best start",
    "Good homes for everyone",
    "Connected neighbourhoods",
    "Pride in our place",
    "Skills for the future",
];

pub(super) const NEEDS: &[(&str, &str)] = &[
    ("Health", "Physical and mental health and wellbeing"),
    ("Money", "Income, debt and the cost of living"),
    ("Safety", "Feeling and being safe at home and outside"),
    ("Homes", "Decent, affordable and secure housing"),
    ("Learning", "Education and skills at every age"),
    ("Work", "Good jobs and fair pay"),
    ("Environment", "Clean air, green space and net zero"),
    ("Transport", "Getting around easily and affordably"),
    ("Community", "Belonging, volunteering and local pride"),
    ("Culture", "Arts, heritage, sport and leisure"),
    ("Care", "Support for carers and those who need care"),
    ("Digital", "Being online, with the skills to use it"),
];

pub(super) const SUBJECTS: &[&str] = &[
    "More residents",
    "Every child",
    "Older people",
    "Young people",
    "Families on low incomes",
    "Disabled residents",
    "Local businesses",
    "Carers",
    "People in temporary accommodation",
    "Neighbourhoods",
    "Schools",
    "Care leavers",
];

pub(super) const VERBS: &[&str] = &[
    "can afford",
    "have access to",
    "feel confident about",
    "benefit from",
    "are supported into",
    "take part in",
    "live close to",
    "are protected from",
];

pub(super) const OBJECTS: &[&str] = &[
    "a decent, secure home",
    "good quality jobs",
    "healthy food",
    "green and open spaces",
    "reliable public transport",
    "early help when they need it",
    "affordable childcare",
    "safe streets after dark",
    "training and apprenticeships",
    "warm, energy-efficient homes",
    "mental health support",
    "clean air",
    "digital skills and devices",
    "cultural and sporting activities",
    "advice on debt and benefits",
];

pub(super) const QUALIFIERS: &[&str] = &[
    "by 2040",
    "wherever they live in the town",
    "whatever their background",
    "close to where they live",
    "without waiting months for help",
    "at every stage of life",
];

pub(super) const FILLER: &[&str] = &[
    "partners",
    "residents",
    "the council",
    "the voluntary sector",
    "health services",
    "schools",
    "employers",
    "housing associations",
    "will work together",
    "to improve",
    "to reduce",
    "to increase",
    "outcomes",
    "across the town",
    "in the most deprived wards",
    "over the next five years",
    "through the new strategy",
    "with clear accountability",
    "and report progress",
    "to the partnership board",
    "using shared data",
    "and listening to residents",
    "so that fewer people",
    "need crisis support",
    "and more people",
    "reach their potential",
];

pub(super) const MEASURE_NAMES: &[(&str, Unit, Direction)] = &[
    (
        "Households in temporary accommodation",
        Unit::Households,
        Direction::LowerIsBetter,
    ),
    (
        "Adults in employment",
        Unit::Percent,
        Direction::HigherIsBetter,
    ),
    (
        "Children in absolute poverty",
        Unit::Children,
        Direction::LowerIsBetter,
    ),
    (
        "New affordable homes completed",
        Unit::Homes,
        Direction::HigherIsBetter,
    ),
    (
        "Healthy life expectancy gap",
        Unit::Other(String::new()),
        Direction::LowerIsBetter,
    ),
    (
        "Residents who feel safe after dark",
        Unit::Percent,
        Direction::HigherIsBetter,
    ),
    ("Median weekly pay", Unit::Pounds, Direction::HigherIsBetter),
    (
        "Inward investment secured",
        Unit::PoundsMillion,
        Direction::HigherIsBetter,
    ),
    (
        "People sleeping rough",
        Unit::People,
        Direction::LowerIsBetter,
    ),
    (
        "Library and leisure visits",
        Unit::Other(String::new()),
        Direction::HigherIsBetter,
    ),
    (
        "Reported antisocial behaviour incidents",
        Unit::Count,
        Direction::LowerIsBetter,
    ),
    (
        "Pupils achieving a good level of development",
        Unit::Percent,
        Direction::HigherIsBetter,
    ),
];

pub(super) const OTHER_UNITS: &[&str] = &["years", "visits", "tonnes", "journeys"];

pub(super) const SOURCES: &[(&str, &str)] = &[
    ("Annual Population Survey", "Office for National Statistics"),
    (
        "Statutory homelessness statistics",
        "Ministry of Housing, Communities and Local Government",
    ),
    (
        "Children in low income families",
        "Department for Work and Pensions",
    ),
    ("Residents' survey", "Synthetic Borough Council"),
    (
        "Public Health Outcomes Framework",
        "Office for Health Improvement and Disparities",
    ),
    ("Indices of Deprivation", "MHCLG"),
];

pub(super) const COMPARATORS: &[&str] = &[
    "England average",
    "Statistical neighbours",
    "East of England",
];

pub(super) const EVENTS: &[&str] = &[
    "Pandemic lockdown",
    "New housing strategy adopted",
    "Cost-of-living support scheme launched",
    "Change in survey method",
    "Funding settlement announced",
    "Boundary review",
];

pub(super) const THEMES: &[&str] = &[
    "Leadership and governance",
    "Financial sustainability",
    "Place and partnerships",
    "Organisational capacity",
    "Residents and communities",
    "Performance and data",
];

pub(super) const OWNERS: &[&str] = &[
    "Chief Executive",
    "Director of Public Health",
    "Director of Children's Services",
    "Director of Place",
    "Head of Housing",
    "Head of Finance",
    "Corporate Director, Resources",
    "Head of Communities",
    "Programme Manager",
    "Head of Digital and Data",
];

pub(super) const ACTION_VERBS: &[&str] = &[
    "Develop",
    "Review",
    "Deliver",
    "Strengthen",
    "Publish",
    "Embed",
    "Agree",
    "Commission",
];

pub(super) const ACTION_OBJECTS: &[&str] = &[
    "a medium-term financial strategy",
    "the partnership's shared outcomes framework",
    "member development and training",
    "a single performance report for the board",
    "the workforce plan",
    "resident engagement on budget priorities",
    "the town centre masterplan",
    "a data-sharing agreement with health partners",
    "the homelessness prevention pathway",
    "the climate action plan",
];

pub(super) const PARTNERS: &[&str] = &[
    "Local NHS trust",
    "University",
    "Airport operator",
    "Housing association",
    "Chamber of Commerce",
    "Police and Crime Commissioner",
    "Further education college",
    "Community foundation",
    "Football club trust",
    "Voluntary sector network",
];

pub(super) const MISSIONS: &[&str] = &[
    "End homelessness",
    "Net zero by 2040",
    "No child in poverty",
    "Good work for all",
    "Healthy ageing",
    "Safe streets",
];
