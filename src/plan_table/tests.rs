//! Tests of the table logic.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn act(r: &str, rag: Rag, due: Option<NaiveDate>, owner: &str) -> Action {
    Action {
        reference: r.into(),
        title: format!("Title {r}"),
        rag,
        due,
        owner: owner.into(),
        ..Default::default()
    }
}

fn sample() -> Vec<Action> {
    vec![
        act("R10", Rag::Green, Some(d(2025, 3, 1)), "CEX"),
        act("R2", Rag::Red, Some(d(2024, 6, 1)), "DCS"),
        act("R1", Rag::Complete, Some(d(2024, 1, 1)), "CEX"),
        act("R3", Rag::Amber, None, ""),
    ]
}

#[test]
fn natural_order_of_references() {
    assert_eq!(natural_cmp("R2", "R10"), Ordering::Less);
    assert_eq!(natural_cmp("2.10", "2.3"), Ordering::Greater);
    assert_eq!(natural_cmp("r1", "R1"), Ordering::Equal);
}

#[test]
fn sorts_by_reference_due_and_rag_with_empties_last() {
    let a = sample();
    let today = d(2025, 1, 1);
    let by = |column, descending| {
        visible_rows(
            &a,
            &Filter::default(),
            Some(Sort { column, descending }),
            today,
        )
    };
    assert_eq!(by(Column::Reference, false), vec![2, 1, 3, 0]);
    assert_eq!(by(Column::Reference, true), vec![0, 3, 1, 2]);
    assert_eq!(by(Column::Due, false), vec![2, 1, 0, 3]);
    assert_eq!(by(Column::Rag, false), vec![1, 3, 0, 2]);
    assert_eq!(by(Column::Owner, false), vec![0, 2, 1, 3]);
    assert_eq!(
        visible_rows(&a, &Filter::default(), None, today),
        vec![0, 1, 2, 3]
    );
}

#[test]
fn filters_combine_and_describe_themselves() {
    let mut a = sample();
    a[1].key_actions = vec!["Refresh the Medium Term Financial Strategy".into()];
    let today = d(2025, 1, 1);
    let f = Filter {
        text: "medium".into(),
        ..Default::default()
    };
    assert_eq!(visible_rows(&a, &f, None, today), vec![1]);
    let f = Filter {
        overdue: true,
        ..Default::default()
    };
    // R1 is complete, so not overdue; R2 is.
    assert_eq!(visible_rows(&a, &f, None, today), vec![1]);
    let f = Filter {
        due_within: Some(60),
        ..Default::default()
    };
    assert_eq!(visible_rows(&a, &f, None, today), vec![0]);
    let mut f = Filter {
        rags: vec![Rag::Red, Rag::Green],
        owner: Some("CEX".into()),
        ..Default::default()
    };
    assert_eq!(visible_rows(&a, &f, None, today), vec![0]);
    assert_eq!(f.parts().len(), 2);
    assert_eq!(f.parts()[0].1, "RAG: Red or Green");
    f.clear(FilterPart::Owner);
    assert_eq!(visible_rows(&a, &f, None, today), vec![0, 1]);
    f.clear(FilterPart::Rag);
    assert!(!f.is_active());
}

#[test]
fn an_action_with_two_owners_shows_under_each() {
    let actions = vec![
        act(
            "1",
            Rag::Green,
            None,
            "Robin Porter (sponsor); Mark Turner (lead)",
        ),
        act("2", Rag::Green, None, "Cllr Taylor, Portfolio Holder"),
        act("3", Rag::Green, None, "Mark Turner (lead)"),
    ];
    let plan = ActionPlan {
        actions: actions.clone(),
        ..Default::default()
    };
    assert_eq!(
        owner_names_in(&plan),
        vec![
            "Cllr Taylor, Portfolio Holder",
            "Mark Turner (lead)",
            "Robin Porter (sponsor)"
        ]
    );
    let today = d(2025, 1, 1);
    let by = |owner: &str| Filter {
        owner: Some(owner.into()),
        ..Default::default()
    };
    assert_eq!(
        visible_rows(&actions, &by("Mark Turner (lead)"), None, today),
        vec![0, 2]
    );
    assert_eq!(
        visible_rows(&actions, &by("Robin Porter (sponsor)"), None, today),
        vec![0]
    );
    assert_eq!(
        visible_rows(&actions, &by("Cllr Taylor, Portfolio Holder"), None, today),
        vec![1],
        "a comma stays inside a name"
    );
}

#[test]
fn summary_counts_rag_overdue_and_due_soon() {
    let a = sample();
    let s = summarise(&a, 0..a.len(), d(2025, 1, 1), 60);
    assert_eq!(s.total, 4);
    assert_eq!(s.count(Rag::Red), 1);
    assert_eq!(s.count(Rag::Complete), 1);
    assert_eq!(s.overdue, 1);
    assert_eq!(s.due_soon, 1);
}

#[test]
fn checks_refuse_duplicates_early_dates_and_unknown_outcomes() {
    let mut p = Project::default();
    p.outcomes.push(crate::model::Outcome {
        id: "o1".into(),
        ..Default::default()
    });
    let plan = ActionPlan {
        id: "p".into(),
        start: Some(d(2024, 3, 1)),
        actions: sample(),
        ..Default::default()
    };
    let mut a = plan.actions[0].clone();
    assert!(check_action(&p, &plan, Some(0), &a).is_empty());
    assert_eq!(check_action(&p, &plan, None, &a)[0].field, Field::Reference);
    a.due = Some(d(2024, 1, 1));
    a.outcomes = vec!["o1".into(), "nope".into()];
    let e = check_action(&p, &plan, Some(0), &a);
    assert_eq!(e.len(), 2);
    assert!(e[0].message.contains("before the plan's start, 1 Mar 2024"));
    assert!(e[1].message.contains("nope"));
    assert_eq!(next_reference(&plan), "R11");
}

#[test]
fn parses_dates_and_rag_words() {
    assert_eq!(parse_date("2025-01-31"), Ok(d(2025, 1, 31)));
    assert_eq!(parse_date("31 Jan 2025"), Ok(d(2025, 1, 31)));
    assert_eq!(parse_date(" 31/01/2025 "), Ok(d(2025, 1, 31)));
    assert!(parse_date("soon").unwrap_err().contains("not a date"));
    assert_eq!(parse_rag("amber"), Ok(Rag::Amber));
    assert_eq!(parse_rag("Not started"), Ok(Rag::NotStarted));
    assert!(parse_rag("Purple").is_err());
}

#[test]
fn copy_table_gives_the_shown_rows_and_columns_as_tab_separated_text() {
    let mut project = Project::default();
    project.outcomes.push(crate::model::Outcome {
        id: "o1".into(),
        name: "Fewer households in temporary accommodation".into(),
        ..Default::default()
    });
    let plan = ActionPlan {
        id: "p".into(),
        actions: vec![
            Action {
                reference: "R1".into(),
                title: "Two\tlines\nof title".into(),
                due: Some(d(2025, 1, 31)),
                rag: Rag::Amber,
                outcomes: vec!["o1".into(), "gone".into()],
                ..Default::default()
            },
            Action {
                reference: "R2".into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let cols = [
        Column::Reference,
        Column::Title,
        Column::Due,
        Column::Rag,
        Column::Outcomes,
    ];
    let tsv = table_tsv(&project, &plan, &[0], &cols);
    assert_eq!(
        tsv,
        "Reference\tTitle\tDue\tRAG\tOutcomes\n\
         R1\tTwo lines of title\t31 Jan 2025\tAmber\t\
         Fewer households in temporary accommodation; gone\n"
    );
}

#[test]
fn unknown_outcomes_are_named_in_one_short_message() {
    assert_eq!(no_such_outcomes(&["gone"]), "there is no outcome “gone”");
    assert_eq!(
        no_such_outcomes(&["a", "b"]),
        "there are no outcomes “a”, “b”"
    );
    let many: Vec<String> = (0..1000).map(|i| format!("word{i}")).collect();
    let refs: Vec<&str> = many.iter().map(String::as_str).collect();
    let m = no_such_outcomes(&refs);
    assert!(m.ends_with("and 997 more"), "{m}");
    assert!(m.len() < 200, "{m}");
    let long = "x".repeat(5000);
    assert!(no_such_outcomes(&[&long]).len() < 100);
}
