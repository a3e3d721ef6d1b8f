//! What File › New starts from: an empty project, or a framework of priorities and areas of
//! need (by default the shape of the Luton 2040 wheel, five by seven) whose names the user
//! fills in, one colour per priority from the colour-blind-safe palette.

use crate::model::{AreaOfNeed, Colour, FORMAT_VERSION, Priority, Programme, Project};
use crate::palette::CATEGORICAL;

/// The programme's own words and the shape to start from.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    pub title: String,
    pub organisation: String,
    pub vision: String,
    pub horizon_year: i32,
    /// How many priorities and areas of need to start with (0 and 0: an empty project).
    pub priorities: usize,
    pub needs: usize,
}

/// The most of either a framework starts with.
pub const MAX_GROUPS: usize = 40;

impl Default for Start {
    /// The shape of the Luton 2040 wheel: 5 priorities by 7 areas of need.
    fn default() -> Self {
        Start {
            title: String::new(),
            organisation: String::new(),
            vision: String::new(),
            horizon_year: 2040,
            priorities: 5,
            needs: 7,
        }
    }
}

/// Colours for areas of need: the palette's colours darkened, so that they differ from the
/// priorities' and keep white text readable.
fn need_colour(i: usize) -> Colour {
    let c = CATEGORICAL[(i + 3) % CATEGORICAL.len()];
    let dark = |v: u8| (v as u16 * 3 / 4) as u8;
    Colour::rgb(dark(c.r), dark(c.g), dark(c.b))
}

impl Start {
    /// The project to start with. Priorities and areas of need are named "Priority 1",
    /// "Area of need 1"… until the user names them; their ids follow the names when renamed
    /// in the programme editor.
    pub fn project(&self) -> Project {
        let title = match self.title.trim() {
            "" => "Untitled programme".to_string(),
            t => t.to_string(),
        };
        let priorities = (0..self.priorities.min(MAX_GROUPS))
            .map(|i| Priority {
                id: format!("priority-{}", i + 1),
                name: format!("Priority {}", i + 1),
                description: String::new(),
                colour: CATEGORICAL[i % CATEGORICAL.len()],
            })
            .collect();
        let needs = (0..self.needs.min(MAX_GROUPS))
            .map(|i| AreaOfNeed {
                id: format!("need-{}", i + 1),
                name: format!("Area of need {}", i + 1),
                description: String::new(),
                colour: need_colour(i),
            })
            .collect();
        Project {
            format_version: FORMAT_VERSION,
            programme: Programme {
                title,
                organisation: self.organisation.trim().to_string(),
                area: String::new(),
                vision: self.vision.trim().to_string(),
                horizon_year: self.horizon_year,
                notes: String::new(),
            },
            priorities,
            needs,
            ..Project::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_framework_is_the_luton_shape_and_valid() {
        let p = Start {
            title: "Bedford 2040".into(),
            ..Start::default()
        }
        .project();
        assert_eq!(p.priorities.len(), 5);
        assert_eq!(p.needs.len(), 7);
        assert_eq!(p.programme.title, "Bedford 2040");
        assert!(crate::validate::validate(&p).is_empty());
        // One colour per priority, and areas of need keep white or black text readable.
        let mut colours: Vec<_> = p.priorities.iter().map(|x| x.colour).collect();
        colours.dedup();
        assert_eq!(colours.len(), 5);
        for n in &p.needs {
            assert!(
                n.colour.contrast(n.colour.text_on()) >= 4.5,
                "{:?}",
                n.colour
            );
        }
    }

    #[test]
    fn an_empty_start_has_a_title_and_nothing_else() {
        let p = Start {
            priorities: 0,
            needs: 0,
            ..Start::default()
        }
        .project();
        assert_eq!(p.programme.title, "Untitled programme");
        assert!(p.priorities.is_empty() && p.needs.is_empty());
        assert!(crate::validate::validate(&p).is_empty());
    }
}
