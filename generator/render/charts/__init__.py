"""Charts drawn at build time as inline SVG: one module a chart, svg.py the shared pieces.

Hand-written SVG rather than a plotting library: the charts are a few dozen rectangles, circles and
lines each, a library (matplotlib, plotly, altair) would add tens of MB to install and a second or more
of import to every build, and most of them draw their own colours and fonts, where these charts take
theirs from the page (CSS classes styled in docs/stylesheets/archive.css with Material's palette
variables), so one chart reads in the light and the dark palette alike. No script, no request to any
other host: the page shows the chart as it arrives.
"""
