//! The bridge from draw functions to a `<canvas>`: sizes the backing store to the
//! element's CSS size × device pixel ratio, then lets a draw function paint it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Resizes `canvas` for the screen's pixel density and draws on it. Returns false when
/// the canvas is not laid out yet (zero width) or the backend refused it.
pub fn paint<E>(
    canvas: &HtmlCanvasElement,
    css_height: f64,
    draw: impl FnOnce(&DrawingArea<CanvasBackend, Shift>, f64) -> Result<(), E>,
) -> bool {
    let scale = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 4.0);
    let css_width = canvas.client_width() as f64;
    if css_width <= 0.0 {
        return false;
    }
    canvas.set_width((css_width * scale).round() as u32);
    canvas.set_height((css_height * scale).round() as u32);
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return false;
    };
    let area = backend.into_drawing_area();
    let ok = draw(&area, scale).is_ok();
    ok && area.present().is_ok()
}
