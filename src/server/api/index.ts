// The API's routes, in one list the router reads.
import type { Route } from '../router.js';
import { consentRoutes } from './consent.js';
import { consentRequestRoutes } from './consent-requests.js';
import type { ApiDeps } from './deps.js';
import { recordRoutes } from './records.js';
import { submissionRoutes } from './submissions.js';

export type { ApiDeps, Services } from './deps.js';
export { issueConsentRequest } from './consent-requests.js';

export function apiRoutes(deps: ApiDeps): Route[] {
  return [...submissionRoutes(deps), ...consentRequestRoutes(deps), ...consentRoutes(deps), ...recordRoutes(deps)];
}
