//! `outcome-explorer export wheel` end to end: SVG that parses with text, PNG of the asked size.

use outcome_explorer::cli::{self, ColourBy, Command, ExportCommand, GroupBy, WheelExportArgs};
use outcome_explorer::wheel::fixture;
use std::path::Path;
use std::process::ExitCode;

fn export(
    file: &Path,
    out: &Path,
    w: u32,
    h: u32,
    colour_by: ColourBy,
    focus: Option<&str>,
    grouping: GroupBy,
) -> ExitCode {
    cli::run(Command::Export(ExportCommand::Wheel(WheelExportArgs {
        file: file.to_path_buf(),
        out: out.to_path_buf(),
        width: w,
        height: h,
        colour_by,
        focus: focus.map(str::to_string),
        grouping,
    })))
}

fn text_of(svg: &str) -> Vec<String> {
    svg.split("</text>")
        .filter_map(|chunk| chunk.rsplit_once('>').map(|(_, t)| t.to_string()))
        .collect()
}

#[test]
fn svg_parses_and_has_title_vision_and_legend_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture::project(3, 4, 10, 2);
    let file = dir.path().join("p.ron");
    outcome_explorer::file::save(&project, &file).unwrap();
    for colour in [
        ColourBy::Priority,
        ColourBy::Status,
        ColourBy::Rag,
        ColourBy::Coverage,
    ] {
        let out = dir.path().join("wheel.svg");
        assert_eq!(
            export(&file, &out, 1920, 1080, colour, None, GroupBy::PriorityNeed),
            ExitCode::SUCCESS
        );
        let svg = std::fs::read_to_string(&out).unwrap();
        resvg::usvg::Tree::from_str(&svg, &Default::default()).expect("SVG parses");
        let texts = text_of(&svg);
        assert!(texts.iter().any(|t| t == "Luton 2040"), "title");
        // The vision, wrapped over lines in the centre.
        assert!(
            texts.join(" ").contains(&project.programme.vision),
            "vision"
        );
        assert!(texts.iter().any(|t| t.starts_with("Source:")));
    }
    let focused = dir.path().join("focus.svg");
    assert_eq!(
        export(
            &file,
            &focused,
            1080,
            1080,
            ColourBy::Priority,
            Some("p1"),
            GroupBy::PriorityNeed
        ),
        ExitCode::SUCCESS
    );
    let svg = std::fs::read_to_string(&focused).unwrap();
    assert!(svg.contains("zoomed into Child-friendly town"));
    assert_eq!(
        export(
            &file,
            &focused,
            1080,
            1080,
            ColourBy::Priority,
            Some("nope"),
            GroupBy::PriorityNeed
        ),
        ExitCode::FAILURE
    );
}

#[test]
fn png_has_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.ron");
    outcome_explorer::file::save(&fixture::project(3, 4, 10, 2), &file).unwrap();
    for (w, h) in [(1920, 1080), (1080, 1080), (800, 600)] {
        let out = dir.path().join(format!("wheel-{w}.png"));
        assert_eq!(
            export(
                &file,
                &out,
                w,
                h,
                ColourBy::Status,
                None,
                GroupBy::PriorityNeed
            ),
            ExitCode::SUCCESS
        );
        let png = std::fs::read(&out).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let pw = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let ph = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((pw, ph), (w, h));
    }
}

#[test]
fn grouping_and_a_focus_on_an_area_within_a_priority() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture::project(3, 4, 10, 2);
    let file = dir.path().join("p.ron");
    outcome_explorer::file::save(&project, &file).unwrap();
    let out = dir.path().join("wheel.svg");
    let run =
        |focus, grouping| export(&file, &out, 1920, 1080, ColourBy::Priority, focus, grouping);

    assert_eq!(run(None, GroupBy::NeedPriority), ExitCode::SUCCESS);
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        !svg.contains(">Priorities</text>"),
        "areas of need form the key"
    );

    assert_eq!(run(Some("p1/n0"), GroupBy::PriorityNeed), ExitCode::SUCCESS);
    let svg = std::fs::read_to_string(&out).unwrap();
    let p1 = &project.priorities[1].name;
    let n0 = &project.needs[0].name;
    assert!(svg.contains(&format!("zoomed into {p1} › {n0}")), "{svg}");

    // A priority is not an area within a priority.
    assert_eq!(run(Some("p1/p2"), GroupBy::PriorityNeed), ExitCode::FAILURE);

    // A pair with no outcomes: the whole priority, and the subtitle says why.
    let mut bare = project.clone();
    // (Moved to another area, so that the actions that name them still find them.)
    for o in &mut bare.outcomes {
        if o.priority == "p1" && o.need == "n0" {
            o.need = "n1".into();
        }
    }
    outcome_explorer::file::save(&bare, &file).unwrap();
    assert_eq!(run(Some("p1/n0"), GroupBy::PriorityNeed), ExitCode::SUCCESS);
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains(&format!(
            "zoomed into {p1} · no outcomes yet under {p1} › {n0}, so all of {p1} is shown"
        )),
        "{svg}"
    );
}

#[test]
fn the_legend_says_what_the_voices_share_and_how_to_read_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.ron");
    // About 120 voices: too many to read on the whole wheel, readable zoomed in.
    outcome_explorer::file::save(&fixture::project(8, 10, 60, 2), &file).unwrap();
    let out = dir.path().join("wheel.svg");
    let run = |focus| {
        let code = export(
            &file,
            &out,
            1920,
            1080,
            ColourBy::Priority,
            focus,
            GroupBy::PriorityNeed,
        );
        assert_eq!(code, ExitCode::SUCCESS);
        text_of(&std::fs::read_to_string(&out).unwrap())
            .join(" ")
            .replace("&apos;", "'")
    };
    let whole = run(None);
    assert!(
        whole.contains("Residents' voices, each beginning “We want statement …”"),
        "{whole}"
    );
    assert!(whole.contains("zoom into a priority or area of need to read them"));
    assert!(!whole.contains("to be heard"), "no voice is written out");
    let zoomed = run(Some("p0"));
    assert!(!zoomed.contains("zoom into a priority"));
    // Its voices' words, without the opening they share.
    assert!(zoomed.contains("0 to be heard"), "{zoomed}");
}

#[test]
fn patterns_stand_apart_from_their_fill_and_never_run_under_text() {
    use outcome_explorer::model::Colour;
    use outcome_explorer::wheel::{self, ColourMode, Pattern, ViewState, export};
    let project = fixture::project(3, 4, 10, 2);
    let mut patterned_labels = 0;
    for colour in [ColourMode::Status, ColourMode::Rag, ColourMode::Coverage] {
        let state = ViewState {
            colour,
            ..ViewState::default()
        };
        let opts = export::ExportOptions::default();
        let svg = export::svg(&project, &state, &opts);
        resvg::usvg::Tree::from_str(&svg, &Default::default()).expect("SVG parses");
        // Each pattern's id ends in the fill it lies over; its stripes or dots are 3:1
        // apart from that fill (WCAG's contrast for the parts of a graphic that carry meaning).
        let mut patterns = 0;
        for def in svg.split("<pattern id=\"").skip(1) {
            let def = &def[..def.find("</pattern>").unwrap()];
            let id = &def[..def.find('"').unwrap()];
            let fill: Colour = format!("#{}", &id[id.len() - 6..]).parse().unwrap();
            let ink_at = def.find("fill=\"").unwrap() + 6;
            let ink: Colour = def[ink_at..ink_at + 7].parse().unwrap();
            assert!(ink.contrast(fill) >= 3.0, "{colour:?}: {id} {ink}");
            patterns += 1;
        }
        // A plate of the plain fill under every line of a label on a pattern.
        let g = export::geometry(&project, &state, &opts);
        let lines: usize = g
            .segments
            .iter()
            .filter(|s| s.pattern != Pattern::Solid)
            .filter_map(|s| s.label.as_ref())
            .map(|l: &wheel::Label| l.lines.len())
            .sum();
        if lines > 0 {
            assert!(patterns > 0, "{colour:?}");
        }
        assert_eq!(svg.matches("<polygon").count(), lines, "{colour:?}");
        patterned_labels += lines;
    }
    assert!(patterned_labels > 0, "the fixture has labels on patterns");
}
