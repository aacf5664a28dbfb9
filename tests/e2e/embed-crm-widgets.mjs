// Matrix rows: the Zoho CRM widget and the Dynamics 365 web resource in examples/, each on a test page that follows the
// CRM's documented client API (tests/e2e/hosts/zoho-sdk.js, dynamics-client-api.js): the example reads the record and
// the user, frames the receiver's /embed/intake.html with them as the context, and sizes the frame from its messages.
// The example files are served as an admin deploys them: with KOE_RECEIVER set to the receiver's origin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, newContext, ROOT, until } from './harness.mjs';
import { expectClean } from './tally.mjs';
import { publishArtifacts } from './embed-artifacts.mjs';
import { serveUpload } from './embed-hosts.mjs';
import { expectFields } from './embed-scripts.mjs';
import { startFrameReceiver } from './embed-frame.mjs';
import { axeViolations, FRAMED_PAGE } from './axe.mjs';

/** What an admin edits in each example: the receiver's origin. */
const PLACEHOLDER_RECEIVER = 'https://koe.example.com';

/** Serves examples/<dir>/<file> at /examples/<dir>/<file>, pointed at `receiver`. */
function deployExample(dir, files, receiver) {
  for (const file of files) {
    const source = readFileSync(join(ROOT, 'examples', dir, file), 'utf8');
    const edited = source.replaceAll(`'${PLACEHOLDER_RECEIVER}'`, `'${receiver}'`);
    if (file.endsWith('.js') && source.includes('KOE_RECEIVER ='))
      assert(edited !== source, `examples/${dir}/${file} no longer sets KOE_RECEIVER to ${PLACEHOLDER_RECEIVER}`);
    serveUpload(`/examples/${dir}/${file}`, edited);
  }
}

async function crmWidgetRow(world, row, { page: hostPage, example, files, outerFrame, sdk, text, expected }) {
  await publishArtifacts(); // builds dist/embed when missing
  const frame = await startFrameReceiver([world.base]);
  const { context, errors } = await newContext(world);
  try {
    deployExample(example, files, frame.origin);
    const page = await context.newPage();
    if (sdk)
      await page.route(sdk.url, (route) => route.fulfill({ path: join(ROOT, 'tests/e2e/hosts', sdk.file), contentType: 'text/javascript; charset=utf-8' }));
    await page.goto(hostPage);
    const form = page.frameLocator(outerFrame).frameLocator('#koe').locator('koe-intake');
    const words = form.locator('[part=textarea]');
    await words.fill(text);
    await form.locator('.chip').first().click();
    await form.locator('[part=submit]').click();
    row.trials = 1;
    const stored = async () => (await frame.receiver.records('intake')).map((line) => line.record);
    const [record] = await until(async () => {
      const records = await stored();
      return records.length ? records : undefined;
    }, 'the submission at the receiver');
    expectFields(record, { 'voice.text': text, ...expected });
    const widget = page.frames().find((f) => f.url().includes(`/examples/${example}/`));
    const height = await until(async () => {
      const h = Number(await widget.evaluate(() => document.getElementById('koe').height));
      return h !== 640 && h;
    }, "the example's frame sized from koe-embed-resize");
    const violations = await axeViolations(widget, undefined, FRAMED_PAGE);
    assert(violations.length === 0, `axe on examples/${example}/: ${violations.join(', ')}`);
    row.delivered = 1;
    row.duplicates = (await stored()).length - 1;
    row.pageErrors = errors.length;
    expectClean(row, errors);
    return `stored with ${Object.entries(expected)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; the example sized its frame to ${height} px`;
  } finally {
    await context.close();
    await frame.close();
  }
}

export function zohoWidget(world, row) {
  row.embed = {
    host: 'Zoho CRM (widget)',
    artifact: 'examples/zoho/ + /embed/intake.html',
    loadedAs: 'widget iframe → receiver iframe',
    checked: 'record + user → context; frame sized; axe',
  };
  return crmWidgetRow(world, row, {
    page: '/hosts/zoho-crm.html',
    example: 'zoho',
    files: ['widget.html', 'widget.js'],
    outerFrame: '#zoho-widget',
    sdk: { url: 'https://live.zwidgets.com/js-sdk/1.2/ZohoEmbededAppSDK.min.js', file: 'zoho-sdk.js' },
    text: 'Zoho の商談画面から送った声です。',
    expected: {
      'customer.companyId': '5725767000000399001',
      'customer.companyName': 'ゾーホー物産',
      'deal.id': '5725767000000411001',
      'deal.stage': '提案',
      leadSource: 'ウェブセミナー',
      'reporter.id': '5725767000000297001',
      'reporter.name': '山本 花子',
      locale: 'ja',
    },
  });
}

export function dynamicsWebResource(world, row) {
  row.embed = {
    host: 'Dynamics 365 (web resource)',
    artifact: 'examples/dynamics/ + /embed/intake.html',
    loadedAs: 'web resource + OnLoad → receiver iframe',
    checked: 'form context → context; frame sized; axe',
  };
  return crmWidgetRow(world, row, {
    page: '/hosts/dynamics-form.html',
    example: 'dynamics',
    files: ['koe_intake.html', 'koe_intake.js', 'form_onload.js'],
    outerFrame: '#WebResource_koe_intake',
    text: 'Dynamics の営業案件から送った声です。',
    expected: {
      'customer.companyId': '1B3C5D70-8B1A-EF11-9F89-000D3A5C5678',
      'customer.companyName': 'ダイナミクス商事',
      'deal.id': '6F2E1C40-8B1A-EF11-9F89-000D3A5C1234',
      'deal.stage': '2-提案',
      'reporter.id': '9A8B7C60-1D2E-EF11-9F89-000D3A5C9012',
      'reporter.name': '高橋 誠',
      locale: 'ja',
    },
  });
}
