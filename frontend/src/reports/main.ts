import '../shared/style.css';
import { can, requireUser } from '../shared/auth';
import { mountHeader, mountUser, showRefusal } from '../shared/chrome';
import { byId } from '../shared/dom';
import { t } from '../shared/i18n';
import { mountReportsPanel } from './reportsPanel';

// The assessors' page (考核与统计报表): the stored daily, weekly, monthly and quarterly reports, CSV and printable HTML.
const me = await requireUser();
// No live connection here: the reports are files made on a schedule, so the header shows no connection state.
mountHeader('reportsTitle', '', false);
mountUser(me);
byId('app').innerHTML = '<section id="reports"></section>';
if (can(me, 'reports')) {
  mountReportsPanel(byId('reports'));
} else {
  showRefusal(t('reportsRefused'));
}
