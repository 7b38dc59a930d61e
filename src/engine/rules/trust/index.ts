// The trust and acknowledgment rules, in the order they are registered.
import type { Rule } from '../../rule.js';
import { acknowledgment } from './acknowledgment.js';
import { alarming } from './alarming.js';
import { deflection } from './deflection.js';
import { empathy } from './empathy.js';
import { expectationSetting } from './expectation-setting.js';
import { hollowApology } from './hollow-apology.js';
import { noNextStep } from './no-next-step.js';
import { openDoor } from './open-door.js';
import { overpromise } from './overpromise.js';
import { ownership } from './ownership.js';
import { sincereApology } from './sincere-apology.js';

export const TRUST_RULES: Rule[] = [
  hollowApology, sincereApology, deflection, overpromise, alarming, ownership,
  expectationSetting, openDoor, acknowledgment, empathy, noNextStep,
];
