/**
 * Классификатор причин отказа (частичного отказа) в оплате медицинской помощи (F014) of the
 * Federal fund (ФФОМС): the 71 rows valid from 2021-05-25, Kod 201–271, one per point of the list
 * of Приказ Минздрава № 231н, with its Кно (K_NO) and Кшт (K_SH) as published (0 = none).
 *
 * Source: Классификатор F014 (ФФОМС), rows valid from 2021-05-25. `builtinF014` adds the wording
 * of each point from Тарифное соглашение от 09.01.2025, прил. 25, where the agreement has the
 * point; the points 2.3.x–2.6, which the agreement does not list, carry no title.
 *
 * Generated from the published rows; a test compares every row with the reference file.
 *
 * @module
 */
import type { F014TableInput } from '../f014';

/** The rows of F014 valid from 2021-05-25, as data. */
export const f014From20210525 = {
  id: 'f014-2021-05-25',
  title: 'Классификатор причин отказа (частичного отказа) в оплате медицинской помощи (F014)',
  source: 'Классификатор F014 (ФФОМС), записи с 25.05.2021 (Kod 201–271); Приказ Минздрава № 231н',
  entries: [
    { kod: 201, osn: '1.1', dateBeg: '2021-05-25', kno: '0', ksht: '0.3' },
    { kod: 202, osn: '1.2', dateBeg: '2021-05-25', kno: '0', ksht: '1' },
    { kod: 203, osn: '1.3', dateBeg: '2021-05-25', kno: '1', ksht: '0.3' },
    { kod: 204, osn: '1.4.1', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 205, osn: '1.4.2', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 206, osn: '1.4.3', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 207, osn: '1.4.4', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 208, osn: '1.4.5', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 209, osn: '1.4.6', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 210, osn: '1.5', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 211, osn: '1.6.1', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 212, osn: '1.6.2', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 213, osn: '1.6.3', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 214, osn: '1.6.4', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 215, osn: '1.7.1', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 216, osn: '1.7.2', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 217, osn: '1.8.1', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 218, osn: '1.8.2', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 219, osn: '1.8.3', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 220, osn: '1.9', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 221, osn: '1.10.1', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 222, osn: '1.10.2', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 223, osn: '1.10.3', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 224, osn: '1.10.4', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 225, osn: '1.10.5', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 226, osn: '1.10.6', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 227, osn: '2.1', dateBeg: '2021-05-25', kno: '0', ksht: '0.3' },
    { kod: 228, osn: '2.2', dateBeg: '2021-05-25', kno: '1', ksht: '3' },
    { kod: 229, osn: '2.3.1', dateBeg: '2021-05-25', kno: '0', ksht: '1' },
    { kod: 230, osn: '2.3.2', dateBeg: '2021-05-25', kno: '0', ksht: '2' },
    { kod: 231, osn: '2.3.3', dateBeg: '2021-05-25', kno: '0', ksht: '3' },
    { kod: 232, osn: '2.4', dateBeg: '2021-05-25', kno: '0', ksht: '0.3' },
    { kod: 233, osn: '2.5.1', dateBeg: '2021-05-25', kno: '0', ksht: '1' },
    { kod: 234, osn: '2.5.2', dateBeg: '2021-05-25', kno: '0', ksht: '2' },
    { kod: 235, osn: '2.5.3', dateBeg: '2021-05-25', kno: '0', ksht: '3' },
    { kod: 236, osn: '2.6', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 237, osn: '2.7', dateBeg: '2021-05-25', kno: '1', ksht: '0.3' },
    { kod: 238, osn: '2.8', dateBeg: '2021-05-25', kno: '1', ksht: '0.3' },
    { kod: 239, osn: '2.9', dateBeg: '2021-05-25', kno: '0', ksht: '1' },
    { kod: 240, osn: '2.10', dateBeg: '2021-05-25', kno: '0.5', ksht: '0.5' },
    { kod: 241, osn: '2.11', dateBeg: '2021-05-25', kno: '0', ksht: '0.6' },
    { kod: 242, osn: '2.12', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 243, osn: '2.13', dateBeg: '2021-05-25', kno: '0.1', ksht: '0' },
    { kod: 244, osn: '2.14', dateBeg: '2021-05-25', kno: '0.5', ksht: '0' },
    { kod: 245, osn: '2.15', dateBeg: '2021-05-25', kno: '1', ksht: '0' },
    { kod: 246, osn: '2.16.1', dateBeg: '2021-05-25', kno: '0.1', ksht: '0.3' },
    { kod: 247, osn: '2.16.2', dateBeg: '2021-05-25', kno: '1', ksht: '1' },
    { kod: 248, osn: '2.17', dateBeg: '2021-05-25', kno: '0', ksht: '0.3' },
    { kod: 249, osn: '2.18', dateBeg: '2021-05-25', kno: '0', ksht: '0.3' },
    { kod: 250, osn: '3.1.1', dateBeg: '2021-05-25', kno: '0.1', ksht: '0' },
    { kod: 251, osn: '3.1.2', dateBeg: '2021-05-25', kno: '0.3', ksht: '0' },
    { kod: 252, osn: '3.1.3', dateBeg: '2021-05-25', kno: '0.4', ksht: '0.3' },
    { kod: 253, osn: '3.1.4', dateBeg: '2021-05-25', kno: '0.9', ksht: '1' },
    { kod: 254, osn: '3.1.5', dateBeg: '2021-05-25', kno: '1', ksht: '3' },
    { kod: 255, osn: '3.2.1', dateBeg: '2021-05-25', kno: '0.1', ksht: '0' },
    { kod: 256, osn: '3.2.2', dateBeg: '2021-05-25', kno: '0.4', ksht: '0.3' },
    { kod: 257, osn: '3.2.3', dateBeg: '2021-05-25', kno: '0.9', ksht: '1' },
    { kod: 258, osn: '3.2.4', dateBeg: '2021-05-25', kno: '1', ksht: '3' },
    { kod: 259, osn: '3.2.5', dateBeg: '2021-05-25', kno: '0.9', ksht: '1' },
    { kod: 260, osn: '3.2.6', dateBeg: '2021-05-25', kno: '0.9', ksht: '1' },
    { kod: 261, osn: '3.3', dateBeg: '2021-05-25', kno: '0.5', ksht: '0.6' },
    { kod: 262, osn: '3.4', dateBeg: '2021-05-25', kno: '0.5', ksht: '0.3' },
    { kod: 263, osn: '3.5', dateBeg: '2021-05-25', kno: '0.3', ksht: '0' },
    { kod: 264, osn: '3.6', dateBeg: '2021-05-25', kno: '0.8', ksht: '1' },
    { kod: 265, osn: '3.7', dateBeg: '2021-05-25', kno: '1', ksht: '0.3' },
    { kod: 266, osn: '3.8', dateBeg: '2021-05-25', kno: '1', ksht: '0.3' },
    { kod: 267, osn: '3.9', dateBeg: '2021-05-25', kno: '1', ksht: '0.3' },
    { kod: 268, osn: '3.10', dateBeg: '2021-05-25', kno: '0.9', ksht: '0.5' },
    { kod: 269, osn: '3.11', dateBeg: '2021-05-25', kno: '0.5', ksht: '0' },
    { kod: 270, osn: '3.12', dateBeg: '2021-05-25', kno: '0', ksht: '0.3' },
    { kod: 271, osn: '3.13', dateBeg: '2021-05-25', kno: '0.5', ksht: '0.6' },
  ],
} as const satisfies F014TableInput;
