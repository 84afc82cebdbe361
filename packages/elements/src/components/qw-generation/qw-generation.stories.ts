import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-generation>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Pieces/qw-generation', component: 'qw-generation' };
export default meta;
type Story = StoryObj;

export const Running: Story = {
  name: 'Running',
  render: () => html`<qw-generation .client=${s.generation('running')}></qw-generation>`,
};
export const Done: Story = {
  name: 'Done',
  render: () => html`<qw-generation .client=${s.generation('done')}></qw-generation>`,
};
export const FailedToppedUpFromTheBank: Story = {
  name: 'Failed, topped up from the bank',
  render: () => html`<qw-generation .client=${s.generation('failed')}></qw-generation>`,
};
