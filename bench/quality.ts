/**
 * Quality figures on the shared datasets: `npm run bench:quality`. Prints markdown; skips a dataset (with a
 * note) when it is absent. Datasets: UCI YouTube Spam Collection and SMS Spam Collection (CC BY 4.0), Stack
 * Exchange History comments (CC BY-SA); see ../shared/datasets/SOURCES.md.
 */
import { labelledCorpus } from '../src/core/fixtures/corpus';
import { loadSms, loadStackExchange, loadYoutube } from './lib/datasets';
import { cleanBaseTexts, evaluateEvasions } from './lib/evasion-eval';
import { evaluateSms, evaluateStackExchange } from './lib/other-evals';
import { fixed, markdownTable } from './lib/stats';
import { evaluateYoutube } from './lib/youtube-eval';

const pass = (ok: boolean): string => (ok ? 'met' : 'MISSED');
let failures = 0;
const check = (ok: boolean): string => {
  if (!ok) failures++;
  return pass(ok);
};

const youtube = loadYoutube();
if (youtube === undefined) console.log('YouTube Spam Collection absent: skipped.');
else {
  const r = evaluateYoutube(youtube);
  console.log('## YouTube Spam Collection (files 01..05 in row order, one engine, site "youtube")\n');
  console.log(
    markdownTable(
      ['figure', 'value', 'target'],
      [
        ['messages (replayed ids)', `${r.messages} (${r.replays})`, ''],
        [
          'flagged',
          `${r.flagged} (repeat-sender ${r.byReason['repeat-sender'] ?? 0}, template ${r.byReason.template ?? 0})`,
          '',
        ],
        [
          'precision vs CLASS = 1',
          `${fixed(r.precision, 3)} (${r.flaggedSpam}/${r.flagged})`,
          `>= 0.90 ${check(r.precision >= 0.9)}`,
        ],
        [
          'exact same-author repeats flagged',
          `${fixed(r.repeatRecall, 3)} (${r.repeatFlagged}/${r.repeatTruth})`,
          `>= 0.98 ${check(r.repeatRecall >= 0.98)}`,
        ],
      ],
    ),
  );
  console.log('\nFlagged ham (CLASS = 0):');
  for (const line of r.falsePositives) console.log(`- ${line.replace(/\s+/g, ' ').slice(0, 140)}`);
  for (const line of r.missedRepeats) console.log(`- missed repeat: ${line.slice(0, 140)}`);
}

const source = youtube?.map((c) => c.text) ?? labelledCorpus.flatMap((e) => e.messages.map((m) => m.text));
const texts = cleanBaseTexts(source, youtube ? 400 : 100, 1);
console.log(
  `\n## Evasions, each alone and heavy (${texts.length} ${youtube ? 'YouTube' : 'corpus'} texts with 5+ words)\n`,
);
const rates = evaluateEvasions(texts);
console.log(
  markdownTable(
    ['evasion', 'repeat copy caught', 'template (3rd sender) caught', 'target >= 0.90'],
    rates.map((rate) => {
      const repeat = rate.repeatCaught / rate.copies;
      const template = rate.templateCaught / rate.copies;
      return [rate.evasion, fixed(repeat, 3), fixed(template, 3), check(repeat >= 0.9 && template >= 0.9)];
    }),
  ),
);

const stackExchange = loadStackExchange();
if (stackExchange === undefined) console.log('\nStack Exchange comments absent: skipped.');
else {
  const r = evaluateStackExchange(stackExchange);
  console.log('\n## Stack Exchange History comments (negative control)\n');
  console.log(
    `Flagged ${r.flagged} of ${r.messages} = ${fixed(r.share * 100, 2)} % (target <= 1 %: ${check(r.share <= 0.01)})`,
  );
  for (const line of r.examples) console.log(`- ${line.replace(/\s+/g, ' ').slice(0, 160)}`);
}

const sms = loadSms();
if (sms === undefined) console.log('\nSMS Spam Collection absent: skipped.');
else {
  const r = evaluateSms(sms);
  console.log('\n## SMS Spam Collection (no senders: one sender per message, templates only)\n');
  console.log(
    markdownTable(
      ['label', 'messages', 'joined an earlier near-copy', 'flagged as template (3+ senders, 5+ words)'],
      [
        [
          'spam',
          String(r.spam),
          `${r.spamInTemplate} (${fixed((100 * r.spamInTemplate) / r.spam)} %)`,
          `${r.spamFlagged} (${fixed((100 * r.spamFlagged) / r.spam)} %)`,
        ],
        [
          'ham',
          String(r.ham),
          `${r.hamInTemplate} (${fixed((100 * r.hamInTemplate) / r.ham)} %)`,
          `${r.hamFlagged} (${fixed((100 * r.hamFlagged) / r.ham)} %)`,
        ],
      ],
    ),
  );
}

console.log(failures === 0 ? '\nAll quality targets met.' : `\n${failures} quality target(s) missed.`);
process.exitCode = failures === 0 ? 0 : 1;
