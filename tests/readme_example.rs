//! The README's example project is valid, and written exactly as Save writes it.

use outcome_explorer::file;

fn readme_example() -> String {
    let readme = include_str!("../README.md");
    let start = readme
        .find("```ron\n")
        .expect("README has a ```ron example")
        + "```ron\n".len();
    let len = readme[start..]
        .find("```")
        .expect("the example block is closed");
    readme[start..start + len].to_string()
}

#[test]
fn readme_example_loads_and_is_canonical() {
    let text = readme_example();
    let project = file::parse(&text, "README.md").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(project.measures[0].observations.len(), 2);
    assert_eq!(project.action_plans[0].actions[0].reference, "R1");
    assert_eq!(
        file::to_text(&project),
        text,
        "the example is in canonical form"
    );
}
