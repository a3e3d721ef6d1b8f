//! The command line, run as a user would run it.

use outcome_explorer::file;
use outcome_explorer::model::Project;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
        .args(args)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn check_summarises_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&Project::default(), &path).unwrap();
    let out = run(&["check", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.contains("valid: 0 priorities, 0 areas of need, 0 outcomes, 0 measures"),
        "{s}"
    );
}

#[test]
fn check_reports_position_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, "(\n  format_version: 1,\n  programme: (title: \"T\", vision: \"V\", horizon_year: 2040, colour: 1),\n)").unwrap();
    let out = run(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("bad.ron:3:"), "{err}");
    assert!(err.contains("unknown field `colour`"), "{err}");
}

#[test]
fn check_of_a_missing_file_explains() {
    let out = run(&["check", "/no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("/no/such/file.ron: cannot open"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn fmt_rewrites_once_and_then_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let messy = "(format_version:1,programme:(title:\"T\",vision:\"V\",horizon_year:2040))";
    std::fs::write(&path, messy).unwrap();
    let p = path.to_str().unwrap();
    assert_eq!(run(&["fmt", "--check", p]).status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        messy,
        "--check changes nothing"
    );
    assert!(run(&["fmt", p]).status.success());
    let once = std::fs::read_to_string(&path).unwrap();
    assert_eq!(once, file::to_text(&file::load(&path).unwrap()));
    assert!(run(&["fmt", p]).status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), once);
    assert!(run(&["fmt", "--check", p]).status.success());
}

#[test]
fn fmt_leaves_a_file_with_comments_alone_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let commented = "// Luton 2040, draft\n(format_version: 1, programme: (title: \"T\", \
                     vision: \"V\", horizon_year: 2040)) /* end */\n";
    std::fs::write(&path, commented).unwrap();
    let p = path.to_str().unwrap();

    let check = run(&["fmt", "--check", p]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).contains("dropping its 2 comments (lines 1, 2)"),
        "{}",
        text(&check.stdout)
    );
    let refused = run(&["fmt", p]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("--drop-comments"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        commented,
        "left as it was"
    );

    assert!(run(&["fmt", "--drop-comments", p]).status.success());
    let formatted = std::fs::read_to_string(&path).unwrap();
    assert!(!formatted.contains("//") && !formatted.contains("/*"));
    assert_eq!(file::load(&path).unwrap().programme.title, "T");
}

#[test]
fn version_and_help() {
    let v = run(&["--version"]);
    assert!(v.status.success());
    assert!(text(&v.stdout).starts_with("outcome-explorer "));
    let h = run(&["--help"]);
    assert!(text(&h.stdout).contains("check"));
    assert!(text(&h.stdout).contains("export"));
}
