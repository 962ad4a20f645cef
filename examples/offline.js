// Lets the example pages work offline after one visit (the widget's own origin only: a host
// page elsewhere keeps its own service worker, if any).
if ('serviceWorker' in navigator) addEventListener('load', () => navigator.serviceWorker.register('/sw.js'));
