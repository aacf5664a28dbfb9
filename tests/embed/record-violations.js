// The first script of the strict-CSP host page (standalone-csp.test.ts): keeps every Content-Security-Policy violation
// where the test can read it, as the page's own reporting would receive it.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
});
