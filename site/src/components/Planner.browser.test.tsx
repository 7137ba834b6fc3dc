// Component tests of the planner island in a real browser (vitest browser mode, Debian chromium):
// the components step (toggles, dependency closure, confirm dialog) and the parameters step
// (schema errors inline, profile defaults). Real catalog, real core: nothing is mocked.
import { beforeEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { catalog } from '../lib/catalog.ts';
// The English island entry: the wizard needs a language provider.
import Planner from '../i18n/PlannerEn.tsx';

beforeEach(() => {
  // The planner restores a draft from localStorage or the URL hash: every test starts fresh.
  localStorage.clear();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
});

async function openStep(title: 'Components' | 'Parameters' | 'Review') {
  await userEvent.click(page.getByRole('navigation', { name: 'Planner steps' }).getByRole('button', { name: title, exact: true }));
  await expect.element(page.getByRole('heading', { level: 2 })).toHaveTextContent(new RegExp(`^\\d\\. ${title}$`));
}

const checkbox = (name: string) => page.getByRole('checkbox', { name, exact: true });
const toggleMessage = () => page.getByTestId('toggle-message');
const summary = () => page.getByTestId('summary');
/** A new plan's AWS account ID and GitHub repository are empty and required: type them in (Parameters step). */
const fillAccount = async () => {
  await userEvent.fill(page.getByRole('textbox', { name: 'AWS account ID' }), '482916037251');
  await userEvent.fill(page.getByRole('textbox', { name: 'Owner (user or organization)' }), 'hanbit-platform-team');
  await userEvent.fill(page.getByRole('textbox', { name: 'Repository', exact: true }), 'seoul-infra');
};

describe('components step', () => {
  test('turning a component on turns on what it needs and says so', async () => {
    await render(<Planner />);
    await openStep('Components');
    for (const c of Object.values(catalog.components)) await expect.element(checkbox(c.name)).not.toBeChecked();
    await expect.element(summary()).toHaveTextContent('0 components');

    await userEvent.click(checkbox('Harbor'));
    await expect.element(toggleMessage()).toHaveTextContent('Harbor needs cert-manager and Gateway API (Envoy Gateway): turned on.');
    await expect.element(toggleMessage()).toHaveAttribute('role', 'status');
    await expect.element(checkbox('Harbor')).toBeChecked();
    await expect.element(checkbox('cert-manager')).toBeChecked();
    await expect.element(checkbox('Gateway API (Envoy Gateway)')).toBeChecked();
    await expect.element(checkbox('Vault')).not.toBeChecked();
    await expect.element(summary()).toHaveTextContent('3 components');

    // Its dependencies are already on: nothing else is turned on, and the message says only that.
    await userEvent.click(checkbox('external-dns'));
    await expect.element(toggleMessage()).toHaveTextContent(/^external-dns turned on\.$/);
    await expect.element(summary()).toHaveTextContent('4 components');

    // Turning off something nothing needs happens at once.
    await userEvent.click(checkbox('external-dns'));
    await expect.element(toggleMessage()).toHaveTextContent(/^external-dns turned off\.$/);
    await expect.element(checkbox('external-dns')).not.toBeChecked();
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  });

  test('turning off a needed component asks first: "Keep it on" keeps everything, "Turn off" turns off the dependents too', async () => {
    await render(<Planner />);
    await openStep('Components');
    await userEvent.click(checkbox('Harbor'));
    await expect.element(checkbox('cert-manager')).toBeChecked();

    await userEvent.click(checkbox('cert-manager'));
    const dialog = page.getByRole('dialog', { name: 'Turn off cert-manager?' });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog).toHaveTextContent('Gateway API (Envoy Gateway), Harbor need cert-manager. Turning it off turns them off too.');
    // Nothing changed while the question is open.
    await expect.element(checkbox('cert-manager')).toBeChecked();

    await userEvent.click(dialog.getByRole('button', { name: 'Keep it on' }));
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    expect(document.querySelector('dialog')?.open).toBe(false);
    for (const name of ['cert-manager', 'Gateway API (Envoy Gateway)', 'Harbor']) await expect.element(checkbox(name)).toBeChecked();
    await expect.element(toggleMessage()).toHaveTextContent('Harbor needs cert-manager and Gateway API (Envoy Gateway): turned on.');

    await userEvent.click(checkbox('cert-manager'));
    await expect.element(dialog).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Turn off cert-manager and 2 more' }));
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    for (const name of ['cert-manager', 'Gateway API (Envoy Gateway)', 'Harbor']) await expect.element(checkbox(name)).not.toBeChecked();
    await expect.element(toggleMessage()).toHaveTextContent('cert-manager turned off, and Gateway API (Envoy Gateway) and Harbor, which need it.');
    await expect.element(summary()).toHaveTextContent('0 components');
  });

  test('Escape in the confirm dialog keeps the component on', async () => {
    await render(<Planner />);
    await openStep('Components');
    await userEvent.click(checkbox('Vault'));
    await userEvent.click(checkbox('Gateway API (Envoy Gateway)'));
    const dialog = page.getByRole('dialog', { name: 'Turn off Gateway API (Envoy Gateway)?' });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog).toHaveTextContent('Vault needs Gateway API (Envoy Gateway). Turning it off turns it off too.');
    await expect.element(dialog.getByRole('button', { name: 'Keep it on' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(checkbox('Gateway API (Envoy Gateway)')).toBeChecked();
    await expect.element(checkbox('Vault')).toBeChecked();
  });
});

describe('parameters step', () => {
  test('an invalid CIDR shows the schema error inline as you type, and fixing it clears the error', async () => {
    await render(<Planner />);
    await openStep('Parameters');
    await fillAccount();
    const cidr = page.getByRole('textbox', { name: 'VPC CIDR' });
    const error = page.getByText(/CIDR form|RFC 1918|out of range/);
    await expect.element(cidr).toHaveValue('10.40.0.0/16');
    await expect.element(cidr).toHaveAttribute('aria-invalid', 'false');

    await userEvent.clear(cidr);
    await userEvent.type(cidr, '10.40.0.0/33');
    await expect.element(cidr).toHaveAttribute('aria-invalid', 'true');
    await expect.element(error).toHaveTextContent('"10.40.0.0/33" is not an IPv4 network in CIDR form with no host bits set, e.g. "10.40.0.0/16"');
    await expect.element(cidr).toHaveAccessibleDescription(/is not an IPv4 network in CIDR form/);
    await expect.element(summary()).toHaveTextContent(/1 problem to fix$/);

    // A public range: a different rule of the same schema, shown as soon as the text changes.
    await userEvent.clear(cidr);
    await userEvent.type(cidr, '8.8.0.0/16');
    await expect.element(error).toHaveTextContent(/^must be a private \(RFC 1918\) range inside 10\.0\.0\.0\/8, 172\.16\.0\.0\/12 or 192\.168\.0\.0\/16$/);

    // Typing the fix character by character: each intermediate value gets its own message...
    await userEvent.clear(cidr);
    await userEvent.type(cidr, '10.0.0.0/8');
    await expect.element(error).toHaveTextContent(/^prefix \/8 is out of range: use \/16 to \/22 \(e\.g\. "10\.40\.0\.0\/16"\)/);
    await userEvent.type(cidr, '{Backspace}2');
    await expect.element(error).toHaveTextContent('"10.0.0.0/2" is not an IPv4 network in CIDR form');
    // ...and the error disappears with the last character.
    await userEvent.type(cidr, '0');
    await expect.element(cidr).toHaveValue('10.0.0.0/20');
    await expect.element(cidr).toHaveAttribute('aria-invalid', 'false');
    await expect.element(error).not.toBeInTheDocument();
    expect(document.getElementById('f-network-cidr-error')?.textContent).toBe('');
    await expect.element(summary()).toHaveTextContent(/plan is valid$/);
  });

  test('the profile cards fill the zones and node pool defaults from the catalog', async () => {
    await render(<Planner />);
    await openStep('Parameters');
    await fillAccount();
    const aws = catalog.clouds.aws!;
    const pool = page.getByRole('group', { name: 'Node pool 1' });
    const fields = {
      name: pool.getByRole('textbox', { name: 'Name' }),
      instanceType: pool.getByRole('combobox', { name: 'Instance type' }),
      min: pool.getByRole('spinbutton', { name: 'Min nodes' }),
      max: pool.getByRole('spinbutton', { name: 'Max nodes' }),
      disk: pool.getByRole('spinbutton', { name: 'Disk (GiB)' }),
    };
    const zones = page.getByRole('combobox', { name: 'Availability zones' });
    const expectPool = async (profile: 'small' | 'medium' | 'large') => {
      const p = aws.profiles[profile];
      await expect.element(page.getByRole('radio', { name: new RegExp(`^${profile}`, 'i') })).toBeChecked();
      await expect.element(fields.name).toHaveValue(p.nodePool.name);
      await expect.element(fields.instanceType).toHaveValue(p.nodePool.instanceType);
      await expect.element(fields.min).toHaveValue(p.nodePool.min);
      await expect.element(fields.max).toHaveValue(p.nodePool.max);
      await expect.element(fields.disk).toHaveValue(p.nodePool.diskGiB);
      await expect.element(zones.getByRole('option', { name: `Profile default (${p.zones})` })).toBeInTheDocument();
    };

    // The profiles differ, so a click that did nothing would be caught.
    expect(aws.profiles.small.nodePool).not.toEqual(aws.profiles.medium.nodePool);
    expect(aws.profiles.large.nodePool).not.toEqual(aws.profiles.small.nodePool);
    await expectPool('medium');

    await userEvent.click(page.getByRole('radio', { name: /^Small/ }));
    await expectPool('small');
    await expect.element(page.getByText(`${aws.profiles.small.nodePool.min}–${aws.profiles.small.nodePool.max} × ${aws.profiles.small.nodePool.instanceType}`)).toBeVisible();

    // A value the user typed is replaced by the profile's default when a profile is picked.
    await userEvent.fill(fields.max, '12');
    await expect.element(fields.max).toHaveValue(12);
    await userEvent.click(page.getByRole('radio', { name: /^Large/ }));
    await expectPool('large');
    await expect.element(summary()).toHaveTextContent(/plan is valid$/);
  });
});
