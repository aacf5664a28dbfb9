// The snippet element on a page that has the intake element too.
import '../../src/intake/define.js';
import '../../src/snippet/define.js';
