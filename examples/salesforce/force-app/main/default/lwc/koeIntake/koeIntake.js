// <koe-intake> on an Opportunity record page. Lightning Web Security runs third-party web components with lwc:external,
// and only with closed shadow roots: Koe is switched to closed roots before its static resource loads.
import { LightningElement, api, wire } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import KOE_WIDGETS from '@salesforce/resourceUrl/koeWidgets';
import USER_ID from '@salesforce/user/Id';
import ACCOUNT_ID from '@salesforce/schema/Opportunity.AccountId';
import ACCOUNT_NAME from '@salesforce/schema/Opportunity.Account.Name';
import STAGE from '@salesforce/schema/Opportunity.StageName';
import LEAD_SOURCE from '@salesforce/schema/Opportunity.LeadSource';
import USER_NAME from '@salesforce/schema/User.Name';

export default class KoeIntake extends LightningElement {
    /** The Opportunity whose page shows the form (set by the record page). */
    @api recordId;
    /** The Koe receiver's intake URL (set in Lightning App Builder). */
    @api endpoint;
    /** ja or en (set in Lightning App Builder). */
    @api locale = 'ja';

    ready = false;
    loadError;
    listening = false;

    @wire(getRecord, { recordId: '$recordId', fields: [ACCOUNT_ID, ACCOUNT_NAME, STAGE, LEAD_SOURCE] })
    opportunity;

    @wire(getRecord, { recordId: USER_ID, fields: [USER_NAME] })
    user;

    connectedCallback() {
        // The documented switch, read when the script loads (koe-widgets README, "Salesforce").
        window.koeWidgets = { shadowRootMode: 'closed' };
        loadScript(this, KOE_WIDGETS)
            .then(() => {
                this.ready = true;
            })
            .catch((error) => {
                this.loadError = `Koe could not be loaded: ${error?.message ?? error}`;
            });
    }

    renderedCallback() {
        const form = this.template.querySelector('koe-intake');
        if (!form || this.listening) return;
        this.listening = true;
        // Event names with a hyphen are listened to with addEventListener (LWC template handlers are for lowercase names).
        form.addEventListener('koe-sent', () => this.dispatchEvent(new ShowToastEvent({ title: '顧客の声を送信しました', variant: 'success' })));
        form.addEventListener('koe-needs-attention', (event) => this.dispatchEvent(new ShowToastEvent({ title: '送信できませんでした', message: event.detail.message, variant: 'error' })));
    }

    /** The CRM context every voice from this page carries: account, opportunity, stage, lead source and the user filing it. */
    get context() {
        const opportunity = this.opportunity?.data;
        return {
            companyId: getFieldValue(opportunity, ACCOUNT_ID) ?? undefined,
            companyName: getFieldValue(opportunity, ACCOUNT_NAME) ?? undefined,
            dealId: this.recordId,
            dealStage: getFieldValue(opportunity, STAGE) ?? undefined,
            leadSource: getFieldValue(opportunity, LEAD_SOURCE) ?? undefined,
            reporterId: USER_ID,
            reporterName: getFieldValue(this.user?.data, USER_NAME) ?? undefined,
            salesforceRecordId: this.recordId,
        };
    }
}
