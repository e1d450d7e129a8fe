import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairingCode } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { SettingsSection } from '../settings/SettingsSection';
import './extension.css';

/**
 * Settings ▸ Browser extension: a pairing code for the "Save to Candid" extension, and the browsers paired so far
 * with Revoke. Paired browsers are local (not synced): the list is read again every two seconds while a code is
 * shown, so the browser that used it appears without a reload.
 */
export function ExtensionSection() {
  const { t } = useTranslation('extension');
  const format = useFormat();
  const toast = useToast();
  const [pairing, setPairing] = useState<PairingCode | null>(null);
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const browsers = useChannel('extension.browsers', undefined, { refetchInterval: pairing ? 2000 : false });
  const countWhenShown = useRef(0);

  const newCode = async () => {
    setError(null);
    try {
      countWhenShown.current = browsers.data?.length ?? 0;
      setPairing(await invoke('extension.pairingCode', undefined));
      setExpired(false);
    } catch (failure) {
      setError(failure);
    }
  };

  // The code is spent once a new browser appears; it stops working at its expiry.
  const list = browsers.data;
  useEffect(() => {
    if (!pairing || !list || list.length <= countWhenShown.current) return;
    const newest = list[list.length - 1];
    toast.show(t('paired', { name: newest.name || t('unnamed') }));
    setPairing(null);
  }, [list, pairing, t, toast]);
  useEffect(() => {
    if (!pairing) return;
    const timer = setTimeout(() => setExpired(true), Math.max(0, Date.parse(pairing.expiresAt) - Date.now()));
    return () => clearTimeout(timer);
  }, [pairing]);

  const revoke = async (id: string, name: string) => {
    try {
      await invoke('extension.revoke', { id });
      await browsers.refetch();
      toast.show(t('revoked', { name }));
    } catch (failure) {
      toast.show(errorMessage(t, failure));
    }
  };

  return (
    <SettingsSection id="extension" title={t('title')} description={t('description')}>
      {pairing && !expired ? (
        <div className="ext-pairing" role="status">
          <p className="ext-code-label">{t('codeLabel')}</p>
          <p className="ext-code" aria-label={`${t('codeLabel')} ${pairing.code.split('').join(' ')}`}>
            {pairing.code}
          </p>
          <p className="muted">{t('codeHint')}</p>
          <p className="muted">{t('expires', { time: format.dateTime(pairing.expiresAt) })}</p>
          <Button size="sm" onClick={() => void newCode()}>
            {t('newCode')}
          </Button>
        </div>
      ) : (
        <>
          {pairing && expired && <p className="muted">{t('expired')}</p>}
          <Button onClick={() => void newCode()}>{t('pair')}</Button>
        </>
      )}
      {(error || browsers.error) && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, error ?? browsers.error)}
        </p>
      )}
      <h3 className="st-subtitle">{t('browsers')}</h3>
      {list && list.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="rec-list ext-browsers" aria-label={t('browsers')}>
        {list?.map((browser) => {
          const name = browser.name || t('unnamed');
          return (
            <li key={browser.id} className="ext-browser">
              <span>{name}</span>
              <span className="muted">{t('pairedAt', { date: format.dateTime(browser.pairedAt) })}</span>
              <span className="muted">{browser.lastUsedAt ? t('lastUsed', { date: format.dateTime(browser.lastUsedAt) }) : t('neverUsed')}</span>
              <Button variant="danger" size="sm" onClick={() => void revoke(browser.id, name)} aria-label={t('revokeLabel', { name })}>
                {t('revoke')}
              </Button>
            </li>
          );
        })}
      </ul>
    </SettingsSection>
  );
}
