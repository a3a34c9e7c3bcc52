/**
 * The report's stylesheets. Layout is shared; colours come from custom properties: a light and a dark
 * palette (prefers-color-scheme) for the standalone file, an editor's theme in its view (client/src/report/webviewHtml.ts). Every
 * status badge pairs text and background at a contrast ratio of at least 4.5:1 (a test measures it).
 */

/** The report's layout, shared by every page (the standalone file here, an editor's view in the client). */
export const REPORT_LAYOUT_CSS = `
*{box-sizing:border-box}
body{margin:0;padding:1.5rem clamp(1rem,4vw,3rem) 3rem;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;max-width:62rem}
h1,h2,h3,h4{line-height:1.25;margin:1.6em 0 .5em}
h1{font-size:1.9rem;margin-top:.2em}
h2{font-size:1.45rem;border-bottom:1px solid var(--border);padding-bottom:.25em}
h3{font-size:1.15rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
h4{font-size:1rem;margin:1em 0 .3em}
a{color:var(--link)}
a:focus-visible,button:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;color:var(--muted);font-weight:600}
.meta,.rule,.none,figcaption,footer{color:var(--muted)}
.file{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.lead{font-size:1.15rem;font-weight:600}
.chart{margin:1rem 0}
.chart svg{width:100%;max-width:40rem;height:auto;display:block}
.bar-label,.bar-count{fill:var(--fg);font-size:14px;font-family:inherit}
.track{fill:none;stroke:var(--border);stroke-width:1}
.fill-contradicted{fill:url(#hatch);stroke:var(--contradicted-fg);stroke-width:1.5}
.hatch-bg{fill:var(--contradicted-bg)}
.hatch-line{stroke:var(--contradicted-fg)}
.fill-addressed{fill:var(--addressed-fg)}
.fill-not-addressed{fill:var(--not-addressed-bg);stroke:var(--not-addressed-fg);stroke-width:1.5;stroke-dasharray:4 3}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;color:var(--muted);padding-bottom:.4rem}
th,td{border:1px solid var(--border);padding:.45rem .6rem;text-align:left;vertical-align:top}
thead th{background:var(--head-bg)}
tbody th{font-weight:600}
.badge{display:inline-flex;align-items:center;gap:.3rem;padding:.1rem .55rem .1rem .4rem;border-radius:999px;font-size:.9rem;font-weight:600;white-space:nowrap;border:1.5px solid currentColor;line-height:1.4}
.badge .icon{flex:none}
.badge-contradicted{background:var(--contradicted-bg);color:var(--contradicted-fg)}
.badge-addressed{background:var(--addressed-bg);color:var(--addressed-fg)}
.badge-not-addressed{background:var(--not-addressed-bg);color:var(--not-addressed-fg);border-style:dashed}
.area{border:1px solid var(--border);border-left-width:6px;border-radius:6px;padding:0 1rem .6rem;margin:1rem 0}
.area-contradicted{border-left-color:var(--contradicted-fg)}
.area-addressed{border-left-color:var(--addressed-fg)}
.area-not-addressed{border-left-color:var(--not-addressed-fg);border-left-style:dashed}
.area h3{margin-top:.8em}
.recommendation{margin:.3rem 0 .6rem;padding:.1rem .9rem;border-left:3px solid var(--border);color:var(--muted);font-style:italic}
.recommendation p{margin:.4em 0}
.items{padding-left:1.2rem;margin:.2rem 0}
.items li{margin:.45rem 0}
.where{font-weight:600;margin-right:.4rem}
.quote{display:block;margin:.15rem 0}
.quote::before{content:"“"}.quote::after{content:"”"}
.message{margin:.1rem 0;color:var(--muted)}
.rule code,code.rule{font-size:.85em}
.severity{font-size:.85em}
.suppression{margin:.1rem 0;font-style:italic}
footer{border-top:1px solid var(--border);margin-top:2rem;padding-top:.5rem;font-size:.9rem}
`;

const LIGHT = `--bg:#ffffff;--fg:#1a1a1a;--muted:#4a4a4a;--border:#c4c4c4;--head-bg:#f2f2f2;--link:#0b57a4;--focus:#0b57a4;
--contradicted-bg:#fdecea;--contradicted-fg:#8b1a10;--addressed-bg:#e6f4ea;--addressed-fg:#1e5b2a;--not-addressed-bg:#eceff1;--not-addressed-fg:#37474f;`;

const DARK = `--bg:#17181a;--fg:#e8e8e8;--muted:#b8b8b8;--border:#4a4d52;--head-bg:#222428;--link:#8ab4f8;--focus:#8ab4f8;
--contradicted-bg:#4d1a16;--contradicted-fg:#ffb3a8;--addressed-bg:#173d22;--addressed-fg:#a8e0b4;--not-addressed-bg:#33373b;--not-addressed-fg:#dfe3e6;`;

/** Print: light palette, no backgrounds wasted on paper, areas kept whole on a page where they fit. */
const PRINT = `
@media print{
:root{${LIGHT}--bg:#ffffff;--head-bg:#ffffff}
body{max-width:none;padding:0;font-size:11pt}
a{color:inherit;text-decoration:none}
h2{break-after:avoid}
.area,tr,figure{break-inside:avoid}
.badge{background:none !important}
}
@page{margin:18mm 16mm}
`;

export const STANDALONE_CSS = `:root{color-scheme:light dark;${LIGHT}}
@media (prefers-color-scheme: dark){:root{${DARK}}}
${REPORT_LAYOUT_CSS}${PRINT}`;

/** What the report of many documents adds: the overview table's status cells, and a wide table that scrolls. */
export const PORTFOLIO_CSS = `
.defs{position:absolute}
.wide{overflow-x:auto}
.overview-table td.status{text-align:center;padding:.3rem}
.overview-table .status-contradicted{background:var(--contradicted-bg);color:var(--contradicted-fg)}
.overview-table .status-addressed{background:var(--addressed-bg);color:var(--addressed-fg)}
.overview-table .status-not-addressed{color:var(--not-addressed-fg)}
.overview-table td.count{text-align:right}
.overview-table td.file{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.overview-table tfoot th,.overview-table tfoot td{font-weight:600}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.document{border-top:3px solid var(--border);margin-top:2.5rem}
@media print{.document{break-before:page}}
`;
