import type { CountryCode } from './geography';

/**
 * The store's other customers: names in many scripts and languages, E.164 phones from many
 * countries (fictional ranges where a country has them), addresses that read like the country's.
 */
export type GeneratedCustomer = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  country: CountryCode;
  address: { address1: string; city: string; province?: string; provinceCode?: string; zip: string };
};

export const generatedCustomers: readonly GeneratedCustomer[] = [
  { firstName: 'فاطمة', lastName: 'الزهراء', email: 'fatima.alzahra@example.ae', phone: '+971501234567', locale: 'ar', country: 'AE', address: { address1: 'شارع الشيخ زايد، برج 21', city: 'دبي', province: 'Dubai', provinceCode: 'DU', zip: '00000' } },
  { firstName: 'يوسف', lastName: 'حداد', email: 'youssef.haddad@example.eg', phone: '+201001234567', locale: 'ar', country: 'EG', address: { address1: '15 شارع التحرير', city: 'القاهرة', zip: '11511' } },
  { firstName: 'ليلى', lastName: 'منصور', email: 'layla.mansour@example.sa', phone: '+966501234567', locale: 'ar', country: 'SA', address: { address1: 'طريق الملك فهد 4410', city: 'الرياض', zip: '12271' } },
  { firstName: 'Олена', lastName: 'Коваленко', email: 'olena.kovalenko@example.ua', phone: '+380671234567', locale: 'uk', country: 'UA', address: { address1: 'вул. Хрещатик, 22', city: 'Київ', zip: '01001' } },
  { firstName: 'Дмитрий', lastName: 'Иванов', email: 'dmitry.ivanov@example.kz', phone: '+77011234567', locale: 'ru', country: 'KZ', address: { address1: 'пр. Абая, 52', city: 'Алматы', zip: '050000' } },
  { firstName: 'Мария', lastName: 'Петрова', email: 'maria.petrova@example.bg', phone: '+359881234567', locale: 'bg', country: 'BG', address: { address1: 'ул. Витоша 18', city: 'София', zip: '1000' } },
  { firstName: 'Jürgen', lastName: 'Müller', email: 'juergen.mueller@example.de', phone: '+4915112345678', locale: 'de', country: 'DE', address: { address1: 'Schönhauser Allee 36', city: 'Berlin', zip: '10435' } },
  { firstName: 'Mette', lastName: 'Sørensen', email: 'mette.sorensen@example.dk', phone: '+4520123456', locale: 'da', country: 'DK', address: { address1: 'Nørrebrogade 45', city: 'København N', zip: '2200' } },
  { firstName: 'Giulia', lastName: 'Rossi', email: 'giulia.rossi@example.it', phone: '+393471234567', locale: 'it', country: 'IT', address: { address1: 'Via dei Coronari 12', city: 'Roma', province: 'Roma', provinceCode: 'RM', zip: '00186' } },
  { firstName: 'Javier', lastName: 'García Pérez', email: 'javier.garcia@example.es', phone: '+34612345678', locale: 'es', country: 'ES', address: { address1: 'Calle de Fuencarral 45', city: 'Madrid', province: 'Madrid', provinceCode: 'M', zip: '28004' } },
  { firstName: 'Sanne', lastName: 'de Vries', email: 'sanne.devries@example.nl', phone: '+31612345678', locale: 'nl', country: 'NL', address: { address1: 'Prinsengracht 263', city: 'Amsterdam', zip: '1016 GV' } },
  { firstName: 'Björn', lastName: 'Lindqvist', email: 'bjorn.lindqvist@example.se', phone: '+46701234567', locale: 'sv', country: 'SE', address: { address1: 'Götgatan 14', city: 'Stockholm', zip: '118 46' } },
  { firstName: '민준', lastName: '김', email: 'minjun.kim@example.kr', phone: '+821012345678', locale: 'ko', country: 'KR', address: { address1: '테헤란로 152', city: '서울특별시 강남구', zip: '06236' } },
  { firstName: '伟', lastName: '陈', email: 'wei.chen@example.sg', phone: '+6591234567', locale: 'zh-CN', country: 'SG', address: { address1: '10 Anson Road #12-01', city: 'Singapore', zip: '079903' } },
  { firstName: 'Thị Lan', lastName: 'Nguyễn', email: 'lan.nguyen@example.vn', phone: '+84912345678', locale: 'vi', country: 'VN', address: { address1: '25 Lý Thường Kiệt', city: 'Hà Nội', zip: '100000' } },
  { firstName: 'Ayşe', lastName: 'Yılmaz', email: 'ayse.yilmaz@example.com.tr', phone: '+905321234567', locale: 'tr', country: 'TR', address: { address1: 'İstiklal Caddesi No:120', city: 'İstanbul', zip: '34433' } },
  { firstName: 'Νίκος', lastName: 'Παπαδόπουλος', email: 'nikos.papadopoulos@example.gr', phone: '+306912345678', locale: 'el', country: 'GR', address: { address1: 'Ερμού 25', city: 'Αθήνα', zip: '105 63' } },
  { firstName: 'Siobhán', lastName: 'Ní Bhriain', email: 'siobhan.nibhriain@example.ie', phone: '+353861234567', locale: 'en', country: 'IE', address: { address1: '3 Shop Street', city: 'Galway', province: 'Galway', provinceCode: 'G', zip: 'H91 X2Y3' } },
  { firstName: 'Émile', lastName: 'Tremblay', email: 'emile.tremblay@example.ca', phone: '+15145550178', locale: 'fr', country: 'CA', address: { address1: '4520 Boulevard Saint-Laurent', city: 'Montréal', province: 'Quebec', provinceCode: 'QC', zip: 'H2T 1R2' } },
  { firstName: 'Olivia', lastName: 'Chen', email: 'olivia.chen@example.ca', phone: '+14165550134', locale: 'en', country: 'CA', address: { address1: '220 King Street West', city: 'Toronto', province: 'Ontario', provinceCode: 'ON', zip: 'M5H 1K4' } },
  { firstName: 'Lucas', lastName: 'Martins', email: 'lucas.martins@example.com.br', phone: '+5521987654321', locale: 'pt-BR', country: 'BR', address: { address1: 'Avenida Atlântica, 1702', city: 'Rio de Janeiro', province: 'Rio de Janeiro', provinceCode: 'RJ', zip: '22021-001' } },
  { firstName: 'Camila', lastName: 'Rodríguez', email: 'camila.rodriguez@example.co', phone: '+573001234567', locale: 'es', country: 'CO', address: { address1: 'Carrera 7 # 71-21', city: 'Bogotá', zip: '110231' } },
  { firstName: 'Aarav', lastName: 'Sharma', email: 'aarav.sharma@example.in', phone: '+919812345678', locale: 'en', country: 'IN', address: { address1: '12 Linking Road, Bandra West', city: 'Mumbai', province: 'Maharashtra', provinceCode: 'MH', zip: '400050' } },
  { firstName: 'Amara', lastName: 'Okafor', email: 'amara.okafor@example.com.ng', phone: '+2348031234567', locale: 'en', country: 'NG', address: { address1: '14 Admiralty Way, Lekki Phase 1', city: 'Lagos', zip: '106104' } },
  { firstName: 'Thabo', lastName: 'Nkosi', email: 'thabo.nkosi@example.co.za', phone: '+27821234567', locale: 'en', country: 'ZA', address: { address1: '33 Bree Street', city: 'Cape Town', zip: '8001' } },
  { firstName: 'James', lastName: "O'Connor", email: 'james.oconnor@example.com', phone: '+12125550187', locale: 'en', country: 'US', address: { address1: '350 West Broadway', city: 'New York', province: 'New York', provinceCode: 'NY', zip: '10013' } },
  { firstName: 'Sarah', lastName: 'Johnson', email: 'sarah.johnson@example.com', phone: '+13125550111', locale: 'en', country: 'US', address: { address1: '1020 North Damen Avenue', city: 'Chicago', province: 'Illinois', provinceCode: 'IL', zip: '60622' } },
  { firstName: 'מיכל', lastName: 'לוי', email: 'michal.levi@example.co.il', phone: '+972521234567', locale: 'he', country: 'IL', address: { address1: 'רחוב דיזנגוף 99', city: 'תל אביב-יפו', zip: '6433222' } },
  { firstName: 'Tereza', lastName: 'Dvořáková', email: 'tereza.dvorakova@example.cz', phone: '+420601234567', locale: 'cs', country: 'CZ', address: { address1: 'Vinohradská 48', city: 'Praha 2', zip: '120 00' } },
  { firstName: 'Hélène', lastName: 'Rousseau', email: 'helene.rousseau@example.fr', phone: null, locale: 'fr', country: 'FR', address: { address1: '8 Quai Saint-Vincent', city: 'Lyon', zip: '69001' } },
  { firstName: 'Ravi', lastName: 'Patel', email: 'ravi.patel@example.co.uk', phone: '+447700900456', locale: 'en-GB', country: 'GB', address: { address1: '61 Deansgate', city: 'Manchester', zip: 'M3 2BW' } },
  { firstName: 'Ingrid', lastName: 'Halvorsen', email: 'ingrid.halvorsen@example.no', phone: '+4791234567', locale: 'nb', country: 'NO', address: { address1: 'Karl Johans gate 25', city: 'Oslo', zip: '0159' } },
];

export const customerTagPool = ['vip', 'wholesale', 'newsletter', 'returning', 'b2b', 'influencer', 'press'];

export const customerNotePool = [
  'Prefers email over phone calls.',
  'Allergic to lavender: no scented inserts in parcels.',
  'Wholesale account: net 30 terms agreed by phone.',
  'Ruft lieber an, als zu schreiben.',
  'Asked us not to send marketing samples.',
];
