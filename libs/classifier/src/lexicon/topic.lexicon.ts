/**
 * Failure topics: the part of the service a complaint is about. An incident groups reports about the same
 * topic of the same brand (GUIDE §5: "many similar mentions in a short time from different people").
 */
import { cueFamily, type CueFamily } from './cue.family';

export const TOPICS: Record<string, CueFamily> = {
  connectivity: cueFamily('topic_connectivity', [
    'интернет~', 'инет~', 'связ[ьи]', 'сеть', 'сети', 'wi-?fi', 'вайфа~', 'роутер~', 'router', 'internet', 'connection', 'network', 'offline', 'signal', 'сигнал~',
    'магистрал~', 'кабел~', 'cable', 'speeds?', 'скорост~', 'мбит', 'mbps', 'провайдер~', 'isp', 'ловит', 'палк~', 'no bars',
  ]),
  access: cueFamily('topic_access', [
    'вход~', 'войти', 'зайти', 'зашл~', 'логин~', 'login', 'log ?in', 'logged', 'sign ?in', 'приложени~', 'app', 'пароль', 'password', 'session', 'сесси~', 'splash',
    'face id', 'авториз~', 'аккаунт~', 'пустило', 'не входит', 'update broke',
  ]),
  payments: cueFamily('topic_payments', [
    'списа~', 'оплат~', 'платеж~', 'перевод~', 'transfer~', 'charge~', 'payment~', 'billing', 'invoice', 'комисси~', 'fee', 'refund~', 'деньги', 'card', 'карт~',
  ]),
  delivery: cueFamily('topic_delivery', [
    'доставк~', 'доставил~', 'курьер~', 'courier', 'deliver~', 'посылк~', 'parcel', 'package', 'трекинг', 'tracking', 'shipping', 'ship~',
  ]),
  site: cueFamily('topic_site', ['сайт~', 'site', 'website', 'page', 'страниц~', 'inbox', 'dashboard', 'api', 'server', 'сервер~', '50\\d', '40\\d']),
};
