import { bannedPhraseRule } from './banned-phrase.rule';
import { blamesCustomerRule } from './blames-customer.rule';
import { conflictDetailsPublicRule } from './conflict-details-public.rule';
import { disproportionateRule } from './disproportionate.rule';
import { internalKitchenRule } from './internal-kitchen.rule';
import { noCallToActionRule } from './no-call-to-action.rule';
import { noEmpathyRule } from './no-empathy.rule';
import { noPrivatePathRule } from './no-private-path.rule';
import { piiEchoRule } from './pii-echo.rule';
import { piiRequestPublicRule } from './pii-request-public.rule';
import type { ReplyRule } from './reply-rule';
import { scriptedRule } from './scripted.rule';
import { unverifiedPromiseRule } from './unverified-promise.rule';
import { vagueApologyRule } from './vague-apology.rule';

/** Every rule, in the order violations are reported (block rules first). */
export const REPLY_RULES: readonly ReplyRule[] = [
  piiEchoRule,
  piiRequestPublicRule,
  conflictDetailsPublicRule,
  internalKitchenRule,
  blamesCustomerRule,
  bannedPhraseRule,
  noPrivatePathRule,
  disproportionateRule,
  noEmpathyRule,
  noCallToActionRule,
  scriptedRule,
  vagueApologyRule,
  unverifiedPromiseRule,
];
