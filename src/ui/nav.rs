//! Navigation between views: which view is shown and the requests views make of each other.

use crate::edit::Here;
use crate::history::List;
use crate::model::Id;

/// The app's main views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum View {
    #[default]
    Wheel,
    Trends,
    Actions,
    Programme,
}

impl View {
    pub const ALL: [View; 4] = [View::Wheel, View::Trends, View::Actions, View::Programme];

    pub fn label(self) -> &'static str {
        match self {
            View::Wheel => "Wheel",
            View::Trends => "Trends",
            View::Actions => "Action plans",
            View::Programme => "Programme",
        }
    }
}

/// Something a view asks the app to do (usually: show an item in another view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NavRequest {
    Show(View),
    /// Open a measure's large chart in the Trends view.
    OpenMeasure(Id),
    /// Show an action in its plan's table.
    OpenAction {
        plan: Id,
        reference: String,
    },
    /// Select an outcome on the wheel.
    SelectOutcome(Id),
    /// Show a plan in the Action plans view.
    OpenPlan(Id),
    /// Open the Programme view's editor on an item.
    EditItem {
        list: List,
        id: Id,
    },
    /// Open the Programme view's editor on a new item (an outcome placed `here`).
    AddItem {
        list: List,
        here: Here,
    },
    /// Write every measure's chart as PNG into a folder, at a size, with a progress bar.
    ExportCharts {
        dir: std::path::PathBuf,
        size: (u32, u32),
    },
}

/// What views hand back to the app during a frame.
#[derive(Debug, Default)]
pub struct Nav {
    pub requests: Vec<NavRequest>,
    /// A short message for the status bar (e.g. "Exported wheel.png").
    pub status: Option<String>,
    /// An error to show the user.
    pub error: Option<String>,
}

impl Nav {
    pub fn go(&mut self, request: NavRequest) {
        self.requests.push(request);
    }
}
