import { AppError } from '../../src-shared/errors';
import { defineHandlers } from '../handler';
import { readProfile } from '../profile/handlers';
import { aiRequest, fitOf, sendAiRequest } from './analyze';
import { aiPostingOf } from './posting';
import { aiKeySecret, readAiConfig, readAiSettings, updateAiSettings } from './settings';

export const aiHandlers = defineHandlers({
  'ai.settings': (_input, { db, secrets }) => readAiSettings(db, secrets),
  'ai.update': (input, { db, secrets }) => updateAiSettings(db, secrets, input),
  'ai.preview': (input, { db, secrets }) => aiRequest(readAiConfig(db), aiPostingOf(db, input), secrets.get(aiKeySecret) !== null),
  'ai.analyze': async (input, { db, secrets }) => {
    const config = readAiConfig(db);
    if (!config.enabled) throw new AppError('UNAVAILABLE', 'AI is off: turn it on and set its endpoint first', { details: { reason: 'off' } });
    const key = secrets.get(aiKeySecret);
    const request = aiRequest(config, aiPostingOf(db, input), key !== null);
    const fields = await sendAiRequest(request, key, config.timeoutSeconds);
    return { fields, ...fitOf(fields, readProfile(db).skills) };
  },
});
