// The widget's styles, shipped inside widget.js: one request for integrators, and applied inside a shadow root so
// the host site's CSS cannot reach the launcher (nor ours leak onto their page).
export const WIDGET_CSS = `
:host { all: initial; --accent: var(--qh-accent, #07803f); --on-accent: var(--qh-on-accent, #fff); }
.wrap { position: fixed; bottom: 1rem; z-index: 2147483000; font: 16px/1.4 system-ui, -apple-system, "PingFang SC",
  "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
.wrap.right { right: 1rem; } .wrap.left { left: 1rem; }
.launcher { display: inline-flex; align-items: center; gap: .4em; min-height: 3em; padding: 0 1.1em;
  border: 0; border-radius: 1.5em; background: var(--accent); color: var(--on-accent); font: inherit; font-weight: 600;
  cursor: pointer; box-shadow: 0 .25em 1em rgba(0,0,0,.25); }
.launcher:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
.launcher svg { width: 1.4em; height: 1.4em; fill: currentColor; flex: none; }
.panel { position: absolute; bottom: 4em; width: min(24rem, calc(100vw - 2rem)); height: min(40rem, calc(100vh - 6.5rem));
  border-radius: .75em; overflow: hidden; background: #ededed; box-shadow: 0 .5em 2em rgba(0,0,0,.3); }
.right .panel { right: 0; } .left .panel { left: 0; }
.panel[hidden] { display: none; }
iframe { display: block; width: 100%; height: 100%; border: 0; }
@media (max-width: 30rem) {
  .panel { position: fixed; inset: 0; width: auto; height: auto; border-radius: 0; }
  .open .launcher { display: none; }
}
`;
