//! Made-up names for generated councils, services, teams and people. None is a real council.

const COUNCILS: &[&str] = &[
    "Aireborough",
    "Calderbrook",
    "Dearne Vale",
    "Elmsworth",
    "Fenwick Moor",
    "Greystone",
    "Hallamshire Fells",
    "Ivybridge Dale",
    "Kirkmoor",
    "Lunedale",
    "Marsden Edge",
    "Nidderby",
];

pub const SERVICES: &[&str] = &[
    "Front Door",
    "Localities",
    "Children Looked After",
    "Disabled Children",
    "Fostering and Permanence",
    "Care Leavers",
    "Family Help",
    "Court and Permanence",
    "Youth Justice",
    "Workforce Development",
];

const FIRST: &[&str] = &[
    "Aaliyah", "Adam", "Aisha", "Alex", "Amara", "Amir", "Anna", "Ben", "Bethan", "Bilal", "Carys",
    "Chloe", "Connor", "Daniel", "Dylan", "Eleri", "Ellie", "Emma", "Farah", "Finn", "Gareth",
    "Grace", "Hannah", "Harry", "Imran", "Isla", "Jack", "Jade", "James", "Jasmine", "Joanne",
    "Kai", "Katie", "Kieran", "Laura", "Leah", "Liam", "Lucy", "Maryam", "Megan", "Mohammed",
    "Nadia", "Natalie", "Niamh", "Noah", "Olivia", "Omar", "Owen", "Priya", "Rhys", "Rosie",
    "Ruth", "Sadia", "Sam", "Sian", "Sophie", "Tariq", "Tom", "Yusuf", "Zara",
];

const LAST: &[&str] = &[
    "Ahmed",
    "Ali",
    "Armitage",
    "Bailey",
    "Begum",
    "Bell",
    "Booth",
    "Brennan",
    "Chen",
    "Clarke",
    "Davies",
    "Dawson",
    "Evans",
    "Fletcher",
    "Green",
    "Haigh",
    "Hall",
    "Hussain",
    "Jones",
    "Kaur",
    "Khan",
    "Lloyd",
    "Marsh",
    "Mistry",
    "Morgan",
    "Nwosu",
    "Okafor",
    "Patel",
    "Pickering",
    "Rahman",
    "Reid",
    "Roberts",
    "Shah",
    "Singh",
    "Smith",
    "Sutcliffe",
    "Taylor",
    "Thomas",
    "Walsh",
    "Whitfield",
    "Williams",
    "Wood",
    "Wright",
    "Young",
];

pub fn council(index: usize) -> String {
    let base = COUNCILS[(index - 1) % COUNCILS.len()];
    match (index - 1) / COUNCILS.len() {
        0 => format!("{base} Council"),
        n => format!("{base} {} Council", n + 1),
    }
}

pub fn person(first: usize, last: usize) -> String {
    format!("{} {}", FIRST[first % FIRST.len()], LAST[last % LAST.len()])
}

pub fn name_counts() -> (usize, usize) {
    (FIRST.len(), LAST.len())
}
