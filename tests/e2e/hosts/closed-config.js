// The documented switch, set before a Koe script loads (README: Salesforce).
window.koeWidgets = { shadowRootMode: 'closed' };
