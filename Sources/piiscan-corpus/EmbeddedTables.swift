// Small subsets of the reference tables, so that the generator runs where no table
// directory exists and its default output (the samples, and every golden and score the tests
// check) does not depend on the machine. Each table is ONE raw string, parsed at start-up:
// collection literals of this size take minutes to compile. Format: a header line, then
// tab-separated rows.
//
// How the subsets were made. They were cut on 2026-11-28 by a one-off script that is not in
// the repository, from the project's reference data files named below (the sources of
// Patterns/tables and Patterns/vocabularies, see their READMEs), before those tables were
// corrected; since then only the rows 430300, 430302, 430400 and 430500 were corrected by hand
// (2026-12-04). What each subset holds: region codes, the 31 mainland province codes, 356
// prefecture codes and one to five county codes under each, abolished ones among them (none
// under the county-less cities 东莞, 中山, 嘉峪关); mobile prefixes, every row of
// cn-mobile-prefixes.tsv without carrier_zh; area codes, the ten 3-digit codes and every third
// 4-digit code in table order; BINs, a few of each large bank, banks named as the source list
// named them (cn-bank-bins.tsv's former_bank, where it has one); surnames, the 110 most
// frequent single surnames and 20 compound ones, the weight being the frequency in 1/100 %
// (compound surnames 3), pinyin from PyPI pypinyin; given-name characters by gender, from the
// male and female name lists of mimesis (Patterns/vocabularies/given-name-chars.tsv counts the
// two lists together); occupations, 90 of the first 94 mimesis rows of occupations.tsv;
// universities, every 40th row of universities.tsv as it was then (it had a stray `<br>` row,
// since removed); ethnic groups, the 56 names of ethnic-groups.tsv in order.
//
// The subsets are kept as they are until the samples are regenerated on purpose: edit a row by
// hand only together with `make samples` and the goldens. Benchmarks/check-embedded-tables.py
// compares every subset with the repository's tables and lists where they differ now (region
// names and landline places corrected there since, 37 and 5 rows).

/// GB/T 2260 region codes (subset). Origin: reference data file cn_region_codes_union.csv,
/// derived from the MCA yearly lists as kept by jxlwqq/address-code-of-china (MIT) and
/// cn/GB2260; facts, not creative work.
let embeddedRegionCodes = #"""
  code	name	level	first_year	last_year	current
  110000	北京市	province	1980	current	Y
  110101	东城区	county	1980	current	Y
  110103	崇文区	county	1980	2009	N
  110104	宣武区	county	1980	2009	N
  110112	通州区	county	1997	current	Y
  120000	天津市	province	1980	current	Y
  120101	和平区	county	1980	current	Y
  120107	塘沽区	county	1980	2008	N
  120108	汉沽区	county	1980	2008	N
  120109	大港区	county	1980	2008	N
  120112	南郊区|津南区	county	1980	current	Y
  130000	河北省	province	1980	current	Y
  130100	石家庄市	prefecture	1980	current	Y
  130102	长安区	county	1980	current	Y
  130126	灵寿县	county	1993	current	Y
  130200	唐山市	prefecture	1980	current	Y
  130202	路南区	county	1980	current	Y
  130224	滦南县	county	1983	current	Y
  130300	秦皇岛市	prefecture	1983	current	Y
  130302	海港区	county	1983	current	Y
  130306	抚宁区	county	2015	current	Y
  130400	邯郸市	prefecture	1983	current	Y
  130402	邯山区	county	1983	current	Y
  130426	涉县	county	1993	current	Y
  130429	永年县	county	1993	2015	N
  130500	邢台市	prefecture	1983	current	Y
  130502	桥东区|襄都区	county	1983	current	Y
  130529	巨鹿县	county	1993	current	Y
  130600	保定市	prefecture	1983	current	Y
  130602	新市区|竞秀区	county	1983	current	Y
  130631	望都县	county	1994	current	Y
  130700	张家口市	prefecture	1983	current	Y
  130702	桥东区	county	1983	current	Y
  130724	沽源县	county	1993	current	Y
  130800	承德市	prefecture	1983	current	Y
  130802	双桥区	county	1983	current	Y
  130824	滦平县	county	1993	current	Y
  130900	沧州市	prefecture	1983	current	Y
  130902	新华区	county	1983	current	Y
  130927	南皮县	county	1993	current	Y
  131000	廊坊市	prefecture	1988	current	Y
  131002	安次区	county	1988	current	Y
  131025	大城县	county	1988	current	Y
  131100	衡水市	prefecture	1996	current	Y
  131102	桃城区	county	1996	current	Y
  131124	饶阳县	county	1996	current	Y
  140000	山西省	province	1980	current	Y
  140100	太原市	prefecture	1980	current	Y
  140105	小店区	county	1997	current	Y
  140110	晋源区	county	1997	current	Y
  140200	大同市	prefecture	1980	current	Y
  140203	矿区	county	1980	2017	N
  140212	新荣区	county	1980	current	Y
  140222	天镇县	county	1993	current	Y
  140300	阳泉市	prefecture	1980	current	Y
  140302	城区	county	1980	current	Y
  140311	郊区	county	1980	current	Y
  140400	长治市	prefecture	1980	current	Y
  140403	潞州区	county	2018	current	Y
  140426	黎城县	county	1985	current	Y
  140500	晋城市	prefecture	1985	current	Y
  140502	城区	county	1985	current	Y
  140524	陵川县	county	1985	current	Y
  140600	朔州市	prefecture	1988	current	Y
  140602	朔城区	county	1988	current	Y
  140622	应县	county	1993	current	Y
  140700	晋中市	prefecture	1999	current	Y
  140702	榆次区	county	1999	current	Y
  140724	昔阳县	county	1999	current	Y
  140800	运城市	prefecture	2000	current	Y
  140802	盐湖区	county	2000	current	Y
  140826	绛县	county	2000	current	Y
  140900	忻州市	prefecture	2000	current	Y
  140902	忻府区	county	2000	current	Y
  140927	神池县	county	2000	current	Y
  141000	临汾市	prefecture	2000	current	Y
  141002	尧都区	county	2000	current	Y
  141028	吉县	county	2000	current	Y
  141100	吕梁市	prefecture	2003	current	Y
  141102	离石区	county	2003	current	Y
  141126	石楼县	county	2003	current	Y
  142300	晋中地区|吕梁地区	prefecture	1980	2002	N
  142326	和顺县|临县	county	1980	2002	N
  142600	临汾地区	prefecture	1980	1999	N
  142633	吉县|大宁县	county	1980	1999	N
  150000	内蒙古自治区	province	1980	current	Y
  150100	呼和浩特市	prefecture	1980	current	Y
  150102	新城区	county	1980	current	Y
  150121	土默特左旗	county	1980	current	Y
  150200	包头市	prefecture	1980	current	Y
  150202	东河区	county	1980	current	Y
  150206	白云矿区|白云鄂博矿区	county	1980	current	Y
  150300	乌海市	prefecture	1980	current	Y
  150302	海勃湾区	county	1980	current	Y
  150400	赤峰市	prefecture	1983	current	Y
  150402	红山区	county	1983	current	Y
  150424	林西县	county	1983	current	Y
  150500	通辽市	prefecture	1999	current	Y
  150502	科尔沁区	county	1999	current	Y
  150524	库伦旗	county	1999	current	Y
  150600	鄂尔多斯市	prefecture	2001	current	Y
  150602	东胜区	county	2001	current	Y
  150623	鄂托克前旗	county	2001	current	Y
  150700	呼伦贝尔市	prefecture	2001	current	Y
  150702	海拉尔区	county	2001	current	Y
  150726	新巴尔虎左旗	county	2001	current	Y
  150800	巴彦淖尔市	prefecture	2003	current	Y
  150802	临河区	county	2003	current	Y
  150823	乌拉特前旗	county	2003	current	Y
  150900	乌兰察布市	prefecture	2003	current	Y
  150902	集宁区	county	2003	current	Y
  150925	凉城县	county	2003	current	Y
  152200	兴安盟	prefecture	1980	current	Y
  152201	乌兰浩特市	county	1980	current	Y
  152222	科尔沁右翼中旗	county	1980	current	Y
  152300	哲里木盟	prefecture	1980	1998	N
  152322	科尔沁左翼中旗	county	1980	1998	N
  152500	伊克昭盟|锡林郭勒盟	prefecture	1980	current	Y
  152501	二连浩特市	county	1982	current	Y
  152526	杭锦旗|西乌珠穆沁旗	county	1980	current	Y
  152800	乌兰察布盟|巴彦淖尔盟	prefecture	1980	2002	N
  152826	商都县|乌拉特后旗	county	1980	2002	N
  152900	阿拉善盟	prefecture	1980	current	Y
  152921	阿拉善左旗	county	1980	current	Y
  210000	辽宁省	province	1980	current	Y
  210100	沈阳市	prefecture	1980	current	Y
  210102	和平区	county	1980	current	Y
  210112	东陵区|浑南区	county	1980	current	Y
  210200	旅大市|大连市	prefecture	1980	current	Y
  210202	中山区	county	1980	current	Y
  210213	金州区	county	1987	current	Y
  210300	鞍山市	prefecture	1980	current	Y
  210302	铁东区	county	1980	current	Y
  210311	郊区|旧堡区|千山区	county	1980	current	Y
  210400	抚顺市	prefecture	1980	current	Y
  210402	新抚区	county	1980	current	Y
  210411	郊区|顺城区	county	1980	current	Y
  210500	本溪市	prefecture	1980	current	Y
  210502	平山区	county	1980	current	Y
  210505	南芬区	county	1984	current	Y
  210600	丹东市	prefecture	1980	current	Y
  210602	元宝区	county	1980	current	Y
  210624	宽甸县|宽甸满族自治县	county	1980	current	Y
  210700	锦州市	prefecture	1980	current	Y
  210702	古塔区	county	1980	current	Y
  210726	黑山县	county	1980	current	Y
  210800	营口市	prefecture	1980	current	Y
  210802	站前区	county	1980	current	Y
  210811	郊区|老边区	county	1980	current	Y
  210900	阜新市	prefecture	1980	current	Y
  210902	海州区	county	1980	current	Y
  210905	清河门区	county	1983	current	Y
  211000	辽阳市	prefecture	1980	current	Y
  211002	白塔区	county	1980	current	Y
  211005	弓长岭区	county	1984	current	Y
  211100	盘锦市	prefecture	1984	current	Y
  211102	盘山区|双台子区	county	1984	current	Y
  211200	铁岭市	prefecture	1984	current	Y
  211202	银州区	county	1984	current	Y
  211223	西丰县	county	1984	current	Y
  211300	朝阳市	prefecture	1984	current	Y
  211302	双塔区	county	1984	current	Y
  211322	建平县	county	1984	current	Y
  211400	锦西市|葫芦岛市	prefecture	1989	current	Y
  211402	连山区	county	1989	current	Y
  211421	绥中县	county	1989	current	Y
  220000	吉林省	province	1980	current	Y
  220100	长春市	prefecture	1980	current	Y
  220102	南关区	county	1980	current	Y
  220112	双阳区	county	1995	current	Y
  220200	吉林市	prefecture	1980	current	Y
  220202	昌邑区	county	1980	current	Y
  220221	永吉县	county	1980	current	Y
  220300	四平市	prefecture	1983	current	Y
  220302	铁东区|铁西区	county	1983	current	Y
  220322	梨树县	county	1983	current	Y
  220400	辽源市	prefecture	1983	current	Y
  220402	西安区|龙山区	county	1983	current	Y
  220500	通化市	prefecture	1985	current	Y
  220502	东昌区	county	1986	current	Y
  220523	辉南县	county	1985	current	Y
  220600	浑江市|白山市	prefecture	1985	current	Y
  220602	八道江区|浑江区	county	1986	current	Y
  220622	靖宇县	county	1985	current	Y
  220700	松原市	prefecture	1992	current	Y
  220702	扶余区|宁江区	county	1992	current	Y
  220722	长岭县	county	1992	current	Y
  220800	白城市	prefecture	1993	current	Y
  220802	洮北区	county	1993	current	Y
  220822	通榆县	county	1993	current	Y
  222400	延边朝鲜族自治州	prefecture	1980	current	Y
  222401	延吉市	county	1980	current	Y
  222405	龙井市	county	1988	current	Y
  230000	黑龙江省	province	1980	current	Y
  230100	哈尔滨市	prefecture	1980	current	Y
  230102	道里区	county	1980	current	Y
  230123	依兰县	county	1991	current	Y
  230200	齐齐哈尔市	prefecture	1980	current	Y
  230202	龙沙区	county	1980	current	Y
  230223	依安县	county	1984	current	Y
  230300	鸡西市	prefecture	1980	current	Y
  230302	鸡冠区	county	1980	current	Y
  230306	城子河区	county	1980	current	Y
  230400	大庆市|鹤岗市	prefecture	1980	current	Y
  230402	萨尔图区|向阳区	county	1980	current	Y
  230406	大同区|东山区	county	1980	current	Y
  230500	鹤岗市|双鸭山市	prefecture	1980	current	Y
  230502	向阳区|尖山区	county	1980	current	Y
  230521	集贤县	county	1987	current	Y
  230600	双鸭山市|大庆市	prefecture	1980	current	Y
  230602	尖山区|萨尔图区	county	1980	current	Y
  230606	宝山区|大同区	county	1980	current	Y
  230700	伊春市	prefecture	1980	current	Y
  230716	上甘岭区	county	1980	2018	N
  230717	伊美区	county	2019	current	Y
  230724	丰林县	county	2019	current	Y
  230800	佳木斯市	prefecture	1983	current	Y
  230803	向阳区	county	1983	current	Y
  230826	桦川县	county	1984	current	Y
  230900	七台河市	prefecture	1983	current	Y
  230902	新兴区	county	1984	current	Y
  231000	牡丹江市	prefecture	1983	current	Y
  231002	东安区	county	1983	current	Y
  231081	绥芬河市	county	1995	current	Y
  231100	黑河市	prefecture	1993	current	Y
  231102	爱辉区	county	1993	current	Y
  231181	北安市	county	1995	current	Y
  231200	绥化市	prefecture	1999	current	Y
  231202	北林区	county	1999	current	Y
  231225	明水县	county	1999	current	Y
  232700	大兴安岭地区	prefecture	1980	current	Y
  232701	漠河市	county	2018	current	Y
  310000	上海市	province	1980	current	Y
  310101	黄浦区	county	1980	current	Y
  310113	宝山区	county	1988	current	Y
  310228	金山县	county	1982	1996	N
  320000	江苏省	province	1980	current	Y
  320100	南京市	prefecture	1980	current	Y
  320102	玄武区	county	1980	current	Y
  320113	栖霞区	county	1980	current	Y
  320200	无锡市	prefecture	1980	current	Y
  320205	马山区|锡山区	county	1987	current	Y
  320213	梁溪区	county	2015	current	Y
  320300	徐州市	prefecture	1980	current	Y
  320302	鼓楼区	county	1980	current	Y
  320321	丰县	county	1983	current	Y
  320400	常州市	prefecture	1980	current	Y
  320402	天宁区	county	1980	current	Y
  320412	武进区	county	2002	current	Y
  320500	苏州市	prefecture	1980	current	Y
  320505	虎丘区	county	2000	current	Y
  320509	吴江区	county	2012	current	Y
  320600	南通市	prefecture	1980	current	Y
  320612	通州区	county	2009	current	Y
  320623	如东县	county	1983	current	Y
  320700	连云港市	prefecture	1980	current	Y
  320703	盐区|连云区	county	1980	current	Y
  320705	海州区|新浦区	county	1980	2013	N
  320722	东海县	county	1983	current	Y
  320800	淮阴市|淮安市	prefecture	1983	current	Y
  320803	楚州区|淮安区	county	2000	current	Y
  320813	洪泽区	county	2016	current	Y
  320900	盐城市	prefecture	1983	current	Y
  320902	城区|亭湖区	county	1983	current	Y
  320922	滨海县	county	1983	current	Y
  321000	扬州市	prefecture	1983	current	Y
  321002	广陵区	county	1983	current	Y
  321023	宝应县	county	1983	current	Y
  321100	镇江市	prefecture	1983	current	Y
  321102	城区|京口区	county	1983	current	Y
  321181	丹阳市	county	1995	current	Y
  321200	泰州市	prefecture	1996	current	Y
  321202	海陵区	county	1996	current	Y
  321281	兴化市	county	1996	current	Y
  321300	宿迁市	prefecture	1996	current	Y
  321302	宿城区	county	1996	current	Y
  321322	沭阳县	county	1996	current	Y
  330000	浙江省	province	1980	current	Y
  330100	杭州市	prefecture	1980	current	Y
  330102	上城区	county	1980	current	Y
  330103	下城区	county	1980	2020	N
  330104	江干区	county	1980	2020	N
  330111	富阳区	county	2014	current	Y
  330184	余杭市	county	1995	2000	N
  330200	宁波市	prefecture	1980	current	Y
  330203	海曙区	county	1980	current	Y
  330213	奉化区	county	2016	current	Y
  330300	温州市	prefecture	1980	current	Y
  330302	南城区|城区|鹿城区	county	1980	current	Y
  330327	泰顺县|苍南县	county	1981	current	Y
  330400	嘉兴市	prefecture	1983	current	Y
  330402	城区|秀城区|南湖区	county	1983	current	Y
  330424	海盐县	county	1983	current	Y
  330500	湖州市	prefecture	1983	current	Y
  330502	城区|吴兴区	county	1983	current	Y
  330521	德清县	county	1983	current	Y
  330600	绍兴市	prefecture	1983	current	Y
  330602	越城区	county	1983	current	Y
  330624	新昌县	county	1983	current	Y
  330700	金华市	prefecture	1985	current	Y
  330702	婺城区	county	1985	current	Y
  330727	磐安县	county	1985	current	Y
  330800	衢州市	prefecture	1985	current	Y
  330802	柯城区	county	1985	current	Y
  330824	开化县	county	1985	current	Y
  330900	舟山市	prefecture	1987	current	Y
  330902	定海区	county	1987	current	Y
  331000	台州市	prefecture	1994	current	Y
  331002	椒江区	county	1994	current	Y
  331023	天台县	county	1994	current	Y
  331100	丽水市	prefecture	2000	current	Y
  331102	莲都区	county	2000	current	Y
  331124	松阳县	county	2000	current	Y
  340000	安徽省	province	1980	current	Y
  340100	合肥市	prefecture	1980	current	Y
  340102	东市区|瑶海区	county	1980	current	Y
  340121	长丰县	county	1980	current	Y
  340200	芜湖市	prefecture	1980	current	Y
  340202	镜湖区	county	1980	current	Y
  340210	湾沚区	county	2020	current	Y
  340300	蚌埠市	prefecture	1980	current	Y
  340302	东市区|龙子湖区	county	1980	current	Y
  340311	郊区|淮上区	county	1980	current	Y
  340400	淮南市	prefecture	1980	current	Y
  340402	大通区	county	1980	current	Y
  340405	八公山区	county	1980	current	Y
  340500	马鞍山市	prefecture	1980	current	Y
  340503	花山区	county	1980	current	Y
  340521	当涂县	county	1980	current	Y
  340600	淮北市	prefecture	1980	current	Y
  340602	杜集区	county	1980	current	Y
  340700	铜陵市	prefecture	1980	current	Y
  340705	铜官区	county	2015	current	Y
  340800	安庆市	prefecture	1980	current	Y
  340802	迎江区	county	1980	current	Y
  340821	桐城县	county	1988	1995	N
  340826	宿松县	county	1988	current	Y
  341000	黄山市	prefecture	1987	current	Y
  341002	屯溪区	county	1987	current	Y
  341021	歙县	county	1987	current	Y
  341100	滁州市	prefecture	1992	current	Y
  341102	琅琊区	county	1992	current	Y
  341125	定远县	county	1992	current	Y
  341200	阜阳市	prefecture	1996	current	Y
  341202	颍州区	county	1996	current	Y
  341222	太和县	county	1996	current	Y
  341300	宿州市	prefecture	1998	current	Y
  341302	埇桥区	county	1998	current	Y
  341322	萧县	county	1998	current	Y
  341500	六安市	prefecture	1999	current	Y
  341502	金安区	county	1999	current	Y
  341522	霍邱县	county	1999	current	Y
  341600	亳州市	prefecture	2000	current	Y
  341602	谯城区	county	2000	current	Y
  341700	池州市	prefecture	2000	current	Y
  341702	贵池区	county	2000	current	Y
  341800	宣城市	prefecture	2000	current	Y
  341802	宣州区	county	2000	current	Y
  341824	绩溪县	county	2000	current	Y
  342400	六安地区	prefecture	1980	1998	N
  342425	舒城县	county	1980	1998	N
  350000	福建省	province	1980	current	Y
  350100	福州市	prefecture	1980	current	Y
  350102	鼓楼区	county	1980	current	Y
  350121	闽侯县	county	1980	current	Y
  350200	厦门市	prefecture	1980	current	Y
  350203	思明区	county	1980	current	Y
  350211	郊区|集美区	county	1980	current	Y
  350300	莆田市	prefecture	1983	current	Y
  350302	城厢区	county	1983	current	Y
  350304	荔城区	county	2002	current	Y
  350400	三明市	prefecture	1983	current	Y
  350402	梅列区	county	1983	2020	N
  350404	三元区	county	2021	current	Y
  350425	大田县	county	1983	current	Y
  350500	泉州市	prefecture	1985	current	Y
  350502	鲤城区	county	1985	current	Y
  350525	永春县	county	1985	current	Y
  350600	漳州市	prefecture	1985	current	Y
  350602	芗城区	county	1985	current	Y
  350623	漳浦县	county	1985	current	Y
  350700	南平市	prefecture	1994	current	Y
  350702	延平区	county	1994	current	Y
  350724	松溪县	county	1994	current	Y
  350800	龙岩市	prefecture	1996	current	Y
  350802	新罗区	county	1996	current	Y
  350823	上杭县	county	1996	current	Y
  350900	宁德市	prefecture	1999	current	Y
  350902	蕉城区	county	1999	current	Y
  350924	寿宁县	county	1999	current	Y
  352200	建阳地区|宁德地区	prefecture	1980	1998	N
  352201	南平市|宁德市	county	1980	1998	N
  360000	江西省	province	1980	current	Y
  360100	南昌市	prefecture	1980	current	Y
  360102	东湖区	county	1980	current	Y
  360112	新建区	county	2015	current	Y
  360200	景德镇市	prefecture	1980	current	Y
  360202	昌江区	county	1980	current	Y
  360300	萍乡市	prefecture	1980	current	Y
  360302	城关区|安源区	county	1980	current	Y
  360321	莲花县	county	1992	current	Y
  360400	九江市	prefecture	1980	current	Y
  360402	庐山区|濂溪区	county	1980	current	Y
  360426	德安县	county	1983	current	Y
  360500	新余市	prefecture	1983	current	Y
  360502	渝水区	county	1983	current	Y
  360600	鹰潭市	prefecture	1983	current	Y
  360602	月湖区	county	1983	current	Y
  360700	赣州市	prefecture	1998	current	Y
  360702	章贡区	county	1998	current	Y
  360729	全南县	county	1998	current	Y
  360800	吉安市	prefecture	2000	current	Y
  360802	吉州区	county	2000	current	Y
  360825	永丰县	county	2000	current	Y
  360900	宜春市	prefecture	2000	current	Y
  360902	袁州区	county	2000	current	Y
  360925	靖安县	county	2000	current	Y
  361000	抚州市	prefecture	2000	current	Y
  361002	临川区	county	2000	current	Y
  361024	崇仁县	county	2000	current	Y
  361100	上饶市	prefecture	2000	current	Y
  361102	信州区	county	2000	current	Y
  361126	弋阳县	county	2000	current	Y
  362100	九江地区|赣州地区	prefecture	1980	1997	N
  362103	南康市	county	1995	1997	N
  362300	宜春地区|上饶地区	prefecture	1980	1999	N
  362325	铜鼓县|横峰县	county	1980	1999	N
  370000	山东省	province	1980	current	Y
  370100	济南市	prefecture	1980	current	Y
  370102	历下区	county	1980	current	Y
  370114	章丘区	county	2016	current	Y
  370181	章丘市	county	1995	2015	N
  370200	青岛市	prefecture	1980	current	Y
  370202	市南区	county	1980	current	Y
  370214	城阳区	county	1994	current	Y
  370300	淄博市	prefecture	1980	current	Y
  370302	淄川区	county	1980	current	Y
  370306	周村区	county	1980	current	Y
  370400	枣庄市	prefecture	1980	current	Y
  370402	市中区	county	1980	current	Y
  370405	台儿庄区	county	1980	current	Y
  370500	东营市	prefecture	1982	current	Y
  370502	东营区	county	1982	current	Y
  370505	垦利区	county	2016	current	Y
  370600	烟台市	prefecture	1983	current	Y
  370602	芝罘区	county	1983	current	Y
  370681	龙口市	county	1995	current	Y
  370700	潍坊市	prefecture	1983	current	Y
  370702	潍城区	county	1983	current	Y
  370781	青州市	county	1995	current	Y
  370800	济宁市	prefecture	1983	current	Y
  370811	市郊区|任城区	county	1983	current	Y
  370829	嘉祥县	county	1983	current	Y
  370900	泰安市	prefecture	1985	current	Y
  370902	泰山区	county	1985	current	Y
  370923	东平县	county	1985	current	Y
  371000	威海市	prefecture	1987	current	Y
  371002	环翠区	county	1987	current	Y
  371100	日照市	prefecture	1989	current	Y
  371102	东港区	county	1992	current	Y
  371300	临沂市	prefecture	1994	current	Y
  371302	兰山区	county	1994	current	Y
  371324	苍山县|兰陵县	county	1994	current	Y
  371400	德州市	prefecture	1994	current	Y
  371402	德城区	county	1994	current	Y
  371425	齐河县	county	1994	current	Y
  371500	聊城市	prefecture	1997	current	Y
  371502	东昌府区	county	1997	current	Y
  371524	东阿县	county	1997	current	Y
  371600	滨州市	prefecture	2000	current	Y
  371602	滨城区	county	2000	current	Y
  371622	阳信县	county	2000	current	Y
  371700	菏泽市	prefecture	2000	current	Y
  371702	牡丹区	county	2000	current	Y
  371723	成武县	county	2000	current	Y
  372500	聊城地区	prefecture	1980	1996	N
  372527	临清县|高唐县	county	1980	1996	N
  410000	河南省	province	1980	current	Y
  410100	郑州市	prefecture	1980	current	Y
  410102	中原区	county	1980	current	Y
  410122	中牟县	county	1983	current	Y
  410200	开封市	prefecture	1980	current	Y
  410202	龙亭区	county	1980	current	Y
  410212	祥符区	county	2014	current	Y
  410300	洛阳市	prefecture	1980	current	Y
  410302	洛北区|老城区	county	1980	current	Y
  410306	吉利区	county	1982	2020	N
  410323	新安县	county	1983	current	Y
  410400	平顶山市	prefecture	1980	current	Y
  410402	新华区	county	1980	current	Y
  410422	叶县	county	1983	current	Y
  410500	鹤壁市|安阳市	prefecture	1980	current	Y
  410502	鹤山区|文峰区	county	1980	current	Y
  410522	安阳县	county	1984	current	Y
  410600	焦作市|鹤壁市	prefecture	1980	current	Y
  410602	解放区|鹤山区	county	1980	current	Y
  410611	郊区|淇滨区	county	1980	current	Y
  410700	新乡市	prefecture	1983	current	Y
  410702	红旗区	county	1983	current	Y
  410725	原阳县	county	1986	current	Y
  410800	焦作市	prefecture	1982	current	Y
  410802	解放区	county	1982	current	Y
  410822	博爱县	county	1983	current	Y
  410900	濮阳市	prefecture	1983	current	Y
  410902	市区|华龙区	county	1985	current	Y
  410926	范县	county	1983	current	Y
  411000	许昌市	prefecture	1986	current	Y
  411002	魏都区	county	1986	current	Y
  411025	襄城县	county	1997	current	Y
  411100	漯河市	prefecture	1986	current	Y
  411102	源汇区	county	1986	current	Y
  411104	召陵区	county	2004	current	Y
  411200	三门峡市	prefecture	1986	current	Y
  411202	湖滨区	county	1986	current	Y
  411224	卢氏县	county	1986	current	Y
  411300	南阳市	prefecture	1994	current	Y
  411302	宛城区	county	1994	current	Y
  411325	内乡县	county	1994	current	Y
  411400	商丘市	prefecture	1997	current	Y
  411402	梁园区	county	1997	current	Y
  411423	宁陵县	county	1997	current	Y
  411500	信阳市	prefecture	1998	current	Y
  411502	浉河区	county	1998	current	Y
  411524	商城县	county	1998	current	Y
  411600	周口市	prefecture	2000	current	Y
  411602	川汇区	county	2000	current	Y
  411624	沈丘县	county	2000	current	Y
  411700	驻马店市	prefecture	2000	current	Y
  411702	驿城区	county	2000	current	Y
  411725	确山县	county	2000	current	Y
  412300	商丘地区	prefecture	1980	1996	N
  412326	夏邑县	county	1980	1996	N
  413000	信阳地区	prefecture	1980	1997	N
  413029	新县	county	1980	1997	N
  419001	义马市|济源市	county	1986	current	Y
  420000	湖北省	province	1980	current	Y
  420100	武汉市	prefecture	1980	current	Y
  420102	江岸区	county	1980	current	Y
  420111	洪山区	county	1980	current	Y
  420200	黄石市	prefecture	1980	current	Y
  420202	黄石港区	county	1980	current	Y
  420205	铁山区	county	1980	current	Y
  420300	十堰市	prefecture	1980	current	Y
  420302	茅箭区	county	1984	current	Y
  420323	竹山县	county	1994	current	Y
  420500	宜昌市	prefecture	1980	current	Y
  420502	西陵区	county	1986	current	Y
  420526	兴山县	county	1992	current	Y
  420600	襄樊市|襄阳市	prefecture	1980	current	Y
  420602	襄城区	county	1984	current	Y
  420625	谷城县	county	1983	current	Y
  420700	鄂州市	prefecture	1983	current	Y
  420702	梁子湖区	county	1987	current	Y
  420800	荆门市	prefecture	1983	current	Y
  420802	东宝区	county	1985	current	Y
  420822	沙洋县	county	1998	current	Y
  420900	孝感市	prefecture	1993	current	Y
  420902	孝南区	county	1993	current	Y
  420923	云梦县	county	1993	current	Y
  421000	荆沙市|荆州市	prefecture	1994	current	Y
  421002	沙市区	county	1994	current	Y
  421081	石首市	county	1995	current	Y
  421100	黄冈市	prefecture	1995	current	Y
  421102	黄州区	county	1995	current	Y
  421125	浠水县	county	1995	current	Y
  421200	咸宁市	prefecture	1998	current	Y
  421202	咸安区	county	1998	current	Y
  421223	崇阳县	county	1998	current	Y
  421300	随州市	prefecture	2000	current	Y
  421303	曾都区	county	2000	current	Y
  422800	恩施地区|鄂西土家族苗族自治州|恩施土家族苗族自治州	prefecture	1980	current	Y
  422801	恩施市	county	1981	current	Y
  422825	宣恩县	county	1980	current	Y
  429004	仙桃市	county	1994	current	Y
  430000	湖南省	province	1980	current	Y
  430100	长沙市	prefecture	1980	current	Y
  430102	城东区|东区|芙蓉区	county	1980	current	Y
  430111	郊区|雨花区	county	1980	current	Y
  430200	株洲市	prefecture	1980	current	Y
  430202	东区|荷塘区	county	1980	current	Y
  430212	渌口区	county	2018	current	Y
  430300	湘潭市	prefecture	1980	current	Y
  430302	雨湖区	county	1980	current	Y
  430321	邵东县|湘潭县	county	1983	current	Y
  430400	衡阳市	prefecture	1980	current	Y
  430405	板塘区|珠晖区	county	1982	current	Y
  430422	湘乡县|衡南县	county	1983	current	Y
  430500	邵阳市	prefecture	1980	current	Y
  430502	东区|江东区|双清区	county	1980	current	Y
  430525	常宁县|洞口县	county	1983	current	Y
  430600	岳阳市	prefecture	1983	current	Y
  430602	南区|岳阳楼区	county	1984	current	Y
  430623	华容县	county	1986	current	Y
  430700	常德市	prefecture	1988	current	Y
  430702	武陵区	county	1988	current	Y
  430723	澧县	county	1988	current	Y
  430800	大庸市|张家界市	prefecture	1988	current	Y
  430802	永定区	county	1988	current	Y
  430900	益阳市	prefecture	1994	current	Y
  430902	资阳区	county	1994	current	Y
  430922	桃江县	county	1994	current	Y
  431000	郴州市	prefecture	1994	current	Y
  431002	北湖区	county	1994	current	Y
  431024	嘉禾县	county	1994	current	Y
  431100	永州市	prefecture	1995	current	Y
  431102	芝山区|零陵区	county	1995	current	Y
  431121	祁阳县	county	1995	2020	N
  431125	江永县	county	1995	current	Y
  431200	怀化市	prefecture	1997	current	Y
  431202	鹤城区	county	1997	current	Y
  431226	麻阳苗族自治县	county	1997	current	Y
  431300	娄底市	prefecture	1999	current	Y
  431302	娄星区	county	1999	current	Y
  431322	新化县	county	1999	current	Y
  433100	湘西土家族苗族自治州	prefecture	1980	current	Y
  433101	吉首市	county	1982	current	Y
  433125	保靖县	county	1980	current	Y
  440000	广东省	province	1980	current	Y
  440100	广州市	prefecture	1980	current	Y
  440103	荔湾区	county	1980	current	Y
  440112	黄埔区	county	1980	current	Y
  440200	韶关市	prefecture	1980	current	Y
  440203	浈江区|武江区	county	1984	current	Y
  440229	翁源县	county	1983	current	Y
  440300	深圳市	prefecture	1980	current	Y
  440303	罗湖区	county	1990	current	Y
  440307	龙岗区	county	1992	current	Y
  440400	珠海市	prefecture	1980	current	Y
  440402	香洲区	county	1984	current	Y
  440500	汕头市	prefecture	1980	current	Y
  440507	龙湖区	county	1994	current	Y
  440510	河浦区	county	1994	2002	N
  440513	潮阳区	county	2003	current	Y
  440600	佛山市	prefecture	1980	current	Y
  440604	禅城区	county	2002	current	Y
  440606	顺德区	county	2002	current	Y
  440700	江门市	prefecture	1980	current	Y
  440703	蓬江区	county	1994	current	Y
  440781	台山市	county	1995	current	Y
  440800	湛江市	prefecture	1980	current	Y
  440802	赤坎区	county	1980	current	Y
  440823	遂溪县	county	1983	current	Y
  440900	茂名市	prefecture	1980	current	Y
  440902	茂南区	county	1984	current	Y
  440981	高州市	county	1995	current	Y
  441200	肇庆市	prefecture	1988	current	Y
  441202	端州区	county	1988	current	Y
  441224	怀集县	county	1988	current	Y
  441300	惠州市	prefecture	1988	current	Y
  441302	惠城区	county	1988	current	Y
  441322	博罗县	county	1988	current	Y
  441400	梅州市	prefecture	1988	current	Y
  441402	梅江区	county	1988	current	Y
  441424	五华县	county	1988	current	Y
  441500	汕尾市	prefecture	1988	current	Y
  441502	城区	county	1988	current	Y
  441600	河源市	prefecture	1988	current	Y
  441602	源城区	county	1988	current	Y
  441623	连平县	county	1988	current	Y
  441700	阳江市	prefecture	1988	current	Y
  441702	江城区	county	1988	current	Y
  441800	清远市	prefecture	1988	current	Y
  441802	清城区	county	1988	current	Y
  441825	连山壮族瑶族自治县	county	1988	current	Y
  441900	东莞市	prefecture	1988	current	Y
  442000	中山市	prefecture	1988	current	Y
  445100	潮州市	prefecture	1991	current	Y
  445102	湘桥区	county	1991	current	Y
  445200	揭阳市	prefecture	1991	current	Y
  445202	榕城区	county	1991	current	Y
  445222	揭西县	county	1991	current	Y
  445300	云浮市	prefecture	1994	current	Y
  445302	云城区	county	1994	current	Y
  445321	新兴县	county	1994	current	Y
  450000	广西壮族自治区	province	1980	current	Y
  450100	南宁市	prefecture	1980	current	Y
  450102	兴宁区	county	1980	current	Y
  450110	武鸣区	county	2015	current	Y
  450200	柳州市	prefecture	1980	current	Y
  450202	城中区	county	1980	current	Y
  450222	柳城县	county	1983	current	Y
  450300	桂林市	prefecture	1980	current	Y
  450302	秀峰区	county	1980	current	Y
  450324	全州县	county	1998	current	Y
  450400	梧州市	prefecture	1980	current	Y
  450403	万秀区	county	1980	current	Y
  450421	苍梧县	county	1983	current	Y
  450500	北海市	prefecture	1983	current	Y
  450502	海城区	county	1984	current	Y
  450600	防城港市	prefecture	1993	current	Y
  450602	港口区	county	1993	current	Y
  450700	钦州市	prefecture	1994	current	Y
  450702	钦南区	county	1994	current	Y
  450800	贵港市	prefecture	1995	current	Y
  450802	港北区	county	1995	current	Y
  450804	覃塘区	county	2003	current	Y
  450900	玉林市	prefecture	1997	current	Y
  450902	玉州区	county	1997	current	Y
  450922	陆川县	county	1997	current	Y
  451000	百色市	prefecture	2002	current	Y
  451002	右江区	county	2002	current	Y
  451025	靖西县	county	2002	2014	N
  451028	乐业县	county	2002	current	Y
  451100	贺州市	prefecture	2002	current	Y
  451102	八步区	county	2002	current	Y
  451121	昭平县	county	2002	current	Y
  451200	河池市	prefecture	2002	current	Y
  451202	金城江区	county	2002	current	Y
  451224	东兰县	county	2002	current	Y
  451300	来宾市	prefecture	2002	current	Y
  451302	兴宾区	county	2002	current	Y
  451323	武宣县	county	2002	current	Y
  451400	崇左市	prefecture	2002	current	Y
  451402	江州区	county	2002	current	Y
  451423	龙州县	county	2002	current	Y
  452300	桂林地区	prefecture	1980	1997	N
  452331	荔浦县	county	1980	1997	N
  452700	河池地区	prefecture	1980	2001	N
  452726	天峨县	county	1980	2001	N
  460000	海南省	province	1988	current	Y
  460100	海口市	prefecture	1988	current	Y
  460105	秀英区	county	2002	current	Y
  460200	三亚市	prefecture	1988	current	Y
  460202	海棠区	county	2014	current	Y
  460300	三沙市	prefecture	2012	current	Y
  460302	西沙区	county		current	Y
  469001	五指山市	county	2003	current	Y
  469023	澄迈县	county	2003	current	Y
  500000	重庆市	province	1997	current	Y
  500101	万县区|万州区	county	1997	current	Y
  500114	黔江区	county	2000	current	Y
  500224	铜梁县	county	1997	2013	N
  500229	城口县	county	1997	current	Y
  500237	巫山县	county	1997	current	Y
  510000	四川省	province	1980	current	Y
  510100	成都市	prefecture	1980	current	Y
  510104	锦江区	county	1990	current	Y
  510117	郫都区	county	2016	current	Y
  510200	重庆市	prefecture	1980	1996	N
  510230	大足县	county	1983	1996	N
  510300	自贡市	prefecture	1980	current	Y
  510302	自流井区	county	1980	current	Y
  510311	沿滩区	county	1980	current	Y
  510400	渡口市|攀枝花市	prefecture	1980	current	Y
  510402	东区	county	1980	current	Y
  510411	郊区|仁和区	county	1980	current	Y
  510500	泸州市	prefecture	1983	current	Y
  510502	市中区|江阳区	county	1984	current	Y
  510521	泸县	county	1983	current	Y
  510600	德阳市	prefecture	1983	current	Y
  510603	旌阳区	county	1996	current	Y
  510681	广汉市	county	1995	current	Y
  510700	绵阳市	prefecture	1985	current	Y
  510703	涪城区	county	1992	current	Y
  510723	盐亭县	county	1985	current	Y
  510800	广元市	prefecture	1985	current	Y
  510802	市中区|利州区	county	1985	current	Y
  510821	旺苍县	county	1985	current	Y
  510900	遂宁市	prefecture	1985	current	Y
  510903	船山区	county	2003	current	Y
  510921	蓬溪县	county	1985	current	Y
  511000	内江市	prefecture	1985	current	Y
  511002	市中区	county	1985	current	Y
  511024	威远县	county	1985	current	Y
  511100	乐山市	prefecture	1985	current	Y
  511102	市中区	county	1985	current	Y
  511124	井研县	county	1985	current	Y
  511200	万县市	prefecture	1992	1996	N
  511227	巫溪县	county	1992	1996	N
  511300	南充市	prefecture	1993	current	Y
  511302	顺庆区	county	1993	current	Y
  511322	营山县	county	1993	current	Y
  511400	眉山市	prefecture	2000	current	Y
  511402	东坡区	county	2000	current	Y
  511423	洪雅县	county	2000	current	Y
  511500	宜宾市	prefecture	1996	current	Y
  511502	翠屏区	county	1996	current	Y
  511525	高县	county	1996	current	Y
  511600	广安市	prefecture	1998	current	Y
  511602	广安区	county	1998	current	Y
  511622	武胜县	county	1998	current	Y
  511700	达州市	prefecture	1999	current	Y
  511702	通川区	county	1999	current	Y
  511723	开江县	county	1999	current	Y
  511800	雅安市	prefecture	2000	current	Y
  511802	雨城区	county	2000	current	Y
  511824	石棉县	county	2000	current	Y
  511900	巴中市	prefecture	2000	current	Y
  511902	巴州区	county	2000	current	Y
  511921	通江县	county	2000	current	Y
  512000	资阳市	prefecture	2000	current	Y
  512002	雁江区	county	2000	current	Y
  513100	雅安地区	prefecture	1980	1999	N
  513128	宝兴县	county	1980	1999	N
  513200	阿坝藏族自治州|阿坝藏族羌族自治州	prefecture	1980	current	Y
  513201	马尔康区|马尔康市	county	2015	current	Y
  513226	松潘县|金川县	county	1980	current	Y
  513300	甘孜藏族自治州	prefecture	1980	current	Y
  513301	康定市	county	2015	current	Y
  513330	丹巴县|德格县	county	1980	current	Y
  513400	凉山彝族自治州	prefecture	1980	current	Y
  513401	西昌市	county	1980	current	Y
  513429	会理县|布拖县	county	1980	current	Y
  517000	涪陵市	prefecture	1995	1996	N
  517023	武隆县	county	1995	1996	N
  520000	贵州省	province	1980	current	Y
  520100	贵阳市	prefecture	1980	current	Y
  520102	南明区	county	1980	current	Y
  520115	观山湖区	county	2012	current	Y
  520200	六盘水市	prefecture	1980	current	Y
  520201	水城特区|钟山区	county	1980	current	Y
  520300	遵义市	prefecture	1997	current	Y
  520302	红花岗区	county	1997	current	Y
  520326	务川仡佬族苗族自治县	county	1997	current	Y
  520400	安顺市	prefecture	2000	current	Y
  520402	西秀区	county	2000	current	Y
  520423	镇宁布依族苗族自治县	county	2000	current	Y
  520500	毕节市	prefecture	2011	current	Y
  520502	七星关区	county	2011	current	Y
  520525	纳雍县	county	2011	current	Y
  520600	铜仁市	prefecture	2011	current	Y
  520602	碧江区	county	2011	current	Y
  520624	思南县	county	2011	current	Y
  522300	兴义地区|黔西南布依族苗族自治州	prefecture	1980	current	Y
  522301	兴义市	county	1987	current	Y
  522322	兴仁县	county	1980	2017	N
  522325	贞丰布依族苗族自治县|贞丰县	county	1980	current	Y
  522600	黔东南苗族侗族自治州	prefecture	1980	current	Y
  522601	凯里市	county	1983	current	Y
  522629	剑河县	county	1980	current	Y
  522700	黔南布依族苗族自治州	prefecture	1980	current	Y
  522701	都匀市	county	1980	current	Y
  522727	平塘县	county	1980	current	Y
  530000	云南省	province	1980	current	Y
  530100	昆明市	prefecture	1980	current	Y
  530102	五华区	county	1980	current	Y
  530124	晋宁县|富民县	county	1980	current	Y
  530300	曲靖市	prefecture	1997	current	Y
  530302	麒麟区	county	1997	current	Y
  530323	师宗县	county	1997	current	Y
  530400	玉溪市	prefecture	1997	current	Y
  530402	红塔区	county	1997	current	Y
  530425	易门县	county	1997	current	Y
  530500	保山市	prefecture	2000	current	Y
  530502	隆阳区	county	2000	current	Y
  530523	龙陵县	county	2000	current	Y
  530600	昭通市	prefecture	2001	current	Y
  530602	昭阳区	county	2001	current	Y
  530625	永善县	county	2001	current	Y
  530700	丽江市	prefecture	2002	current	Y
  530702	古城区	county	2002	current	Y
  530722	永胜县	county	2002	current	Y
  530800	思茅市|普洱市	prefecture	2003	current	Y
  530802	翠云区|思茅区	county	2003	current	Y
  530825	镇沅彝族哈尼族拉祜族自治县	county	2003	current	Y
  530900	临沧市	prefecture	2003	current	Y
  530902	临翔区	county	2003	current	Y
  530924	镇康县	county	2003	current	Y
  532100	昭通地区	prefecture	1980	2000	N
  532128	镇雄县	county	1980	2000	N
  532300	楚雄彝族自治州	prefecture	1980	current	Y
  532301	楚雄市	county	1983	current	Y
  532325	姚安县	county	1980	current	Y
  532500	红河哈尼族彝族自治州	prefecture	1980	current	Y
  532501	个旧市	county	1980	current	Y
  532525	石屏县	county	1980	current	Y
  532600	文山壮族苗族自治州	prefecture	1980	current	Y
  532601	文山市	county	2010	current	Y
  532625	马关县	county	1980	current	Y
  532700	思茅地区	prefecture	1980	2002	N
  532727	江城哈尼族彝族自治县	county	1980	2002	N
  532800	西双版纳傣族自治州	prefecture	1980	current	Y
  532801	景洪市	county	1993	current	Y
  532900	大理白族自治州	prefecture	1980	current	Y
  532901	下关市|大理市	county	1980	current	Y
  532927	巍山彝族回族自治县	county	1980	current	Y
  533100	德宏傣族景颇族自治州	prefecture	1980	current	Y
  533102	瑞丽市	county	1992	current	Y
  533122	梁河县	county	1980	current	Y
  533300	怒江傈僳族自治州	prefecture	1980	current	Y
  533301	泸水市	county	2016	current	Y
  533400	迪庆藏族自治州	prefecture	1980	current	Y
  533401	香格里拉市	county	2014	current	Y
  540000	西藏自治区	province	1980	current	Y
  540100	拉萨市	prefecture	1980	current	Y
  540102	城关区	county	1980	current	Y
  540122	当雄县	county	1980	current	Y
  540200	日喀则市	prefecture	2014	current	Y
  540202	桑珠孜区	county	2014	current	Y
  540229	仁布县	county	2014	current	Y
  540300	昌都市	prefecture	2014	current	Y
  540302	卡若区	county	2014	current	Y
  540325	察雅县	county	2014	current	Y
  540400	林芝市	prefecture	2015	current	Y
  540402	巴宜区	county	2015	current	Y
  540424	波密县	county	2015	current	Y
  540500	山南市	prefecture	2016	current	Y
  540502	乃东区	county	2016	current	Y
  540526	措美县	county	2016	current	Y
  540600	那曲市	prefecture	2017	current	Y
  540602	色尼区	county	2017	current	Y
  540625	申扎县	county	2017	current	Y
  542100	昌都地区	prefecture	1980	2013	N
  542124	类乌齐县	county	1980	2013	N
  542300	日喀则地区	prefecture	1980	2013	N
  542329	白朗县	county	1980	2013	N
  542500	阿里地区	prefecture	1980	current	Y
  542521	普兰县	county	1980	current	Y
  542524	日土县	county	1980	current	Y
  610000	陕西省	province	1980	current	Y
  610100	西安市	prefecture	1980	current	Y
  610102	新城区	county	1980	current	Y
  610114	阎良区	county	1980	current	Y
  610126	高陵县	county	1983	2013	N
  610200	铜川市	prefecture	1980	current	Y
  610202	城区|王益区	county	1980	current	Y
  610300	宝鸡市	prefecture	1980	current	Y
  610302	渭滨区	county	1980	current	Y
  610326	眉县	county	1980	current	Y
  610400	咸阳市	prefecture	1984	current	Y
  610402	秦都区	county	1983	current	Y
  610426	永寿县	county	1983	current	Y
  610500	渭南市	prefecture	1994	current	Y
  610502	临渭区	county	1994	current	Y
  610525	澄城县	county	1994	current	Y
  610600	延安市	prefecture	1996	current	Y
  610602	宝塔区	county	1996	current	Y
  610627	甘泉县	county	1996	current	Y
  610700	汉中市	prefecture	1996	current	Y
  610702	汉台区	county	1996	current	Y
  610725	勉县	county	1996	current	Y
  610800	榆林市	prefecture	1999	current	Y
  610802	榆阳区	county	1999	current	Y
  610827	米脂县	county	1999	current	Y
  610900	安康市	prefecture	2000	current	Y
  610902	汉滨区	county	2000	current	Y
  610925	岚皋县	county	2000	current	Y
  611000	商洛市	prefecture	2001	current	Y
  611002	商州区	county	2001	current	Y
  611023	商南县	county	2001	current	Y
  612400	安康地区	prefecture	1980	1999	N
  612430	白河县	county	1980	1999	N
  612700	榆林地区	prefecture	1980	1998	N
  612732	子洲县	county	1980	1998	N
  620000	甘肃省	province	1980	current	Y
  620100	兰州市	prefecture	1980	current	Y
  620102	城关区	county	1980	current	Y
  620111	红古区	county	1980	current	Y
  620200	嘉峪关市	prefecture	1980	current	Y
  620300	金昌市	prefecture	1981	current	Y
  620302	金川区	county	1984	current	Y
  620400	白银市	prefecture	1985	current	Y
  620402	白银区	county	1985	current	Y
  620421	靖远县	county	1985	current	Y
  620500	天水市	prefecture	1985	current	Y
  620502	秦城区|秦州区	county	1985	current	Y
  620522	秦安县	county	1985	current	Y
  620600	武威市	prefecture	2001	current	Y
  620602	凉州区	county	2001	current	Y
  620700	张掖市	prefecture	2002	current	Y
  620702	甘州区	county	2002	current	Y
  620723	临泽县	county	2002	current	Y
  620800	平凉市	prefecture	2002	current	Y
  620802	崆峒区	county	2002	current	Y
  620823	崇信县	county	2002	current	Y
  620900	酒泉市	prefecture	2002	current	Y
  620902	肃州区	county	2002	current	Y
  620923	肃北蒙古族自治县	county	2002	current	Y
  621000	庆阳市	prefecture	2002	current	Y
  621002	西峰区	county	2002	current	Y
  621024	合水县	county	2002	current	Y
  621100	定西市	prefecture	2003	current	Y
  621102	安定区	county	2003	current	Y
  621123	渭源县	county	2003	current	Y
  621200	陇南市	prefecture	2004	current	Y
  621202	武都区	county	2004	current	Y
  621224	康县	county	2004	current	Y
  622600	武都地区|陇南地区	prefecture	1980	2003	N
  622627	西和县	county	1985	2003	N
  622900	临夏回族自治州	prefecture	1980	current	Y
  622901	临夏市	county	1983	current	Y
  622924	广河县	county	1980	current	Y
  623000	甘南藏族自治州	prefecture	1980	current	Y
  623001	合作市	county	1996	current	Y
  623024	迭部县	county	1980	current	Y
  630000	青海省	province	1980	current	Y
  630100	西宁市	prefecture	1980	current	Y
  630102	城东区	county	1980	current	Y
  630105	城北区	county	1986	current	Y
  630200	海东市	prefecture	2013	current	Y
  630202	乐都区	county	2013	current	Y
  630223	互助土族自治县	county	2013	current	Y
  632200	海北藏族自治州	prefecture	1980	current	Y
  632221	门源回族自治县	county	1980	current	Y
  632300	黄南藏族自治州	prefecture	1980	current	Y
  632301	同仁市	county	2020	current	Y
  632500	海南藏族自治州	prefecture	1980	current	Y
  632521	共和县	county	1980	current	Y
  632523	贵德县	county	1980	current	Y
  632600	果洛藏族自治州	prefecture	1980	current	Y
  632621	玛沁县	county	1980	current	Y
  632624	达日县	county	1980	current	Y
  632700	玉树藏族自治州	prefecture	1980	current	Y
  632701	玉树市	county	2013	current	Y
  632724	治多县	county	1980	current	Y
  632800	海西蒙古族藏族自治州	prefecture	1980	current	Y
  632801	格尔木市	county	1980	current	Y
  632821	乌兰县	county	1980	current	Y
  640000	宁夏回族自治区	province	1980	current	Y
  640100	银川市	prefecture	1980	current	Y
  640103	新城区	county	1980	2001	N
  640104	郊区|兴庆区	county	1980	current	Y
  640121	永宁县	county	1980	current	Y
  640200	石咀山市|石嘴山市	prefecture	1980	current	Y
  640202	大武口区	county	1980	current	Y
  640300	吴忠市	prefecture	1998	current	Y
  640302	利通区	county	1998	current	Y
  640323	盐池县	county	1998	current	Y
  640400	固原市	prefecture	2001	current	Y
  640402	原州区	county	2001	current	Y
  640423	隆德县	county	2001	current	Y
  640500	中卫市	prefecture	2003	current	Y
  640502	沙坡头区	county	2003	current	Y
  650000	新疆维吾尔自治区	province	1980	current	Y
  650100	乌鲁木齐市	prefecture	1980	current	Y
  650102	天山区	county	1980	current	Y
  650106	头屯河区	county	1980	current	Y
  650200	克拉玛依市	prefecture	1980	current	Y
  650202	独山子区	county	1980	current	Y
  650400	吐鲁番市	prefecture	2015	current	Y
  650402	高昌区	county	2015	current	Y
  650500	哈密市	prefecture	2016	current	Y
  650502	伊州区	county	2016	current	Y
  652300	昌吉回族自治州	prefecture	1980	current	Y
  652301	昌吉市	county	1983	current	Y
  652324	玛纳斯县	county	1980	current	Y
  652700	博尔塔拉蒙古自治州	prefecture	1980	current	Y
  652701	博乐市	county	1985	current	Y
  652800	巴音郭楞蒙古自治州	prefecture	1980	current	Y
  652801	库尔勒市	county	1980	current	Y
  652825	且末县	county	1980	current	Y
  652900	阿克苏地区	prefecture	1980	current	Y
  652901	阿克苏市	county	1983	current	Y
  652925	新和县	county	1980	current	Y
  653000	克孜勒苏柯尔克孜自治州	prefecture	1980	current	Y
  653001	阿图什市	county	1986	current	Y
  653100	喀什地区	prefecture	1980	current	Y
  653101	喀什市	county	1980	current	Y
  653126	叶城县	county	1980	current	Y
  653200	和田地区	prefecture	1980	current	Y
  653201	和田市	county	1983	current	Y
  653225	策勒县	county	1980	current	Y
  654000	伊犁哈萨克自治州	prefecture	1984	current	Y
  654001	奎屯市	county	1984	2000	N
  654002	伊宁市	county	2001	current	Y
  654023	霍城县	county	2001	current	Y
  654200	塔城地区	prefecture	1984	current	Y
  654201	塔城市	county	1984	current	Y
  654221	额敏县	county	1984	current	Y
  654300	阿勒泰地区	prefecture	1984	current	Y
  654301	阿勒泰市	county	1984	current	Y
  654323	福海县	county	1984	current	Y
  659001	石河子市	county	1985	current	Y
  659007	双河市	county	2014	current	Y
  """#

/// Mobile number prefixes (all 91 rows). Origin: reference data file cn_mobile_prefixes.csv,
/// compiled from VincentSit/ChinaMobilePhoneNumberRegex (MIT) and phonenumbers metadata
/// (Apache-2.0).
let embeddedMobilePrefixes = #"""
  prefix	length	carrier	category	personal
  130	11	China Unicom	basic	Y
  131	11	China Unicom	basic	Y
  132	11	China Unicom	basic	Y
  133	11	China Telecom	basic	Y
  1340	11	China Mobile	basic	Y
  1341	11	China Mobile	basic	Y
  1342	11	China Mobile	basic	Y
  1343	11	China Mobile	basic	Y
  1344	11	China Mobile	basic	Y
  1345	11	China Mobile	basic	Y
  1346	11	China Mobile	basic	Y
  1347	11	China Mobile	basic	Y
  1348	11	China Mobile	basic	Y
  1349	11	China Telecom	satellite	Y
  135	11	China Mobile	basic	Y
  136	11	China Mobile	basic	Y
  137	11	China Mobile	basic	Y
  138	11	China Mobile	basic	Y
  139	11	China Mobile	basic	Y
  1410	13	China Telecom	iot	N
  1440	13	China Mobile	iot	N
  1441	13	China Mobile	iot	N
  145	11	China Unicom	data_card	Y
  146	13	China Unicom	iot	N
  147	11	China Mobile	data_card	Y
  148	13	China Mobile	iot	N
  149	11	China Telecom	data_card	Y
  150	11	China Mobile	basic	Y
  151	11	China Mobile	basic	Y
  152	11	China Mobile	basic	Y
  153	11	China Telecom	basic	Y
  155	11	China Unicom	basic	Y
  156	11	China Unicom	basic	Y
  157	11	China Mobile	basic	Y
  158	11	China Mobile	basic	Y
  159	11	China Mobile	basic	Y
  1610	11	China Broadnet	basic	Y
  162	11	China Telecom	mvno	Y
  165	11	China Mobile	mvno	Y
  166	11	China Unicom	basic	Y
  167	11	China Unicom	mvno	Y
  1700	11	China Telecom	mvno	Y
  1701	11	China Telecom	mvno	Y
  1702	11	China Telecom	mvno	Y
  1703	11	China Mobile	mvno	Y
  1704	11	China Unicom	mvno	Y
  1705	11	China Mobile	mvno	Y
  1706	11	China Mobile	mvno	Y
  1707	11	China Unicom	mvno	Y
  1708	11	China Unicom	mvno	Y
  1709	11	China Unicom	mvno	Y
  171	11	China Unicom	mvno	Y
  172	11	China Mobile	basic	Y
  173	11	China Telecom	basic	Y
  17400	11	China Telecom	satellite	Y
  17401	11	China Telecom	satellite	Y
  17402	11	China Telecom	satellite	Y
  17403	11	China Telecom	satellite	Y
  17404	11	China Telecom	satellite	Y
  17405	11	China Telecom	satellite	Y
  17406	11	MIIT Emergency Communication Support Center	emergency	N
  17407	11	MIIT Emergency Communication Support Center	emergency	N
  17408	11	MIIT Emergency Communication Support Center	emergency	N
  17409	11	MIIT Emergency Communication Support Center	emergency	N
  17410	11	MIIT Emergency Communication Support Center	emergency	N
  17411	11	MIIT Emergency Communication Support Center	emergency	N
  17412	11	MIIT Emergency Communication Support Center	emergency	N
  1749	11	Beijing Marine Communication & Navigation Co (Inmarsat)	satellite	Y
  175	11	China Unicom	basic	Y
  176	11	China Unicom	basic	Y
  177	11	China Telecom	basic	Y
  178	11	China Mobile	basic	Y
  180	11	China Telecom	basic	Y
  181	11	China Telecom	basic	Y
  182	11	China Mobile	basic	Y
  183	11	China Mobile	basic	Y
  184	11	China Mobile	basic	Y
  185	11	China Unicom	basic	Y
  186	11	China Unicom	basic	Y
  187	11	China Mobile	basic	Y
  188	11	China Mobile	basic	Y
  189	11	China Telecom	basic	Y
  190	11	China Telecom	basic	Y
  191	11	China Telecom	basic	Y
  192	11	China Broadnet	basic	Y
  193	11	China Telecom	basic	Y
  195	11	China Mobile	basic	Y
  196	11	China Unicom	basic	Y
  197	11	China Mobile	basic	Y
  198	11	China Mobile	basic	Y
  199	11	China Telecom	basic	Y
  """#

/// Landline area codes (subset). Origin: reference data file cn_landline_area_codes_jionlp.txt,
/// from PyPI jionlp dictionary/landline_phone_area_code.txt (Apache-2.0).
let embeddedLandlineAreaCodes = #"""
  code	province	city
  010	北京	北京
  020	广东	广州
  021	上海	上海
  022	天津	天津
  023	重庆	重庆
  024	辽宁	沈阳
  025	江苏	南京
  027	湖北	武汉
  028	四川	成都
  029	陕西	西安
  0310	河北	邯郸
  0313	河北	张家口
  0316	河北	廊坊
  0319	河北	邢台
  0350	山西	忻州
  0353	山西	阳泉
  0356	山西	晋城
  0359	山西	运城
  0372	河南	安阳
  0375	河南	平顶山
  0379	河南	洛阳
  0393	河南	濮阳
  0396	河南	驻马店
  0412	辽宁	鞍山
  0417	辽宁	营口
  0421	辽宁	朝阳
  0431	吉林	吉林
  0434	吉林	吉林
  0437	吉林	吉林
  0451	黑龙江	哈尔滨
  0454	黑龙江	佳木斯
  0457	内蒙古	兴安
  0464	黑龙江	七台河
  0469	黑龙江	双鸭山
  0472	内蒙古	包头
  0475	内蒙古	通辽
  0478	内蒙古	巴彦淖尔
  0483	内蒙古	阿拉善
  0512	江苏	苏州
  0515	江苏	盐城
  0518	江苏	连云港
  0527	江苏	宿迁
  0532	山东	青岛
  0535	山东	烟台
  0538	山东	泰安
  0546	山东	东营
  0552	安徽	蚌埠
  0555	辽宁	鞍山
  0558	安徽	阜阳
  0562	安徽	铜陵
  0565	安徽	巢湖
  0571	浙江	杭州
  0574	浙江	宁波
  0577	浙江	温州
  0580	浙江	舟山
  0593	福建	宁德
  0596	福建	漳州
  0599	福建	南平
  0633	山东	日照
  0660	广东	汕尾
  0668	广东	茂名
  0701	江西	鹰潭
  0712	湖北	孝感
  0715	湖北	咸宁
  0718	湖北	恩施
  0724	湖北	荆门
  0731	湖南	长沙
  0736	湖南	常德
  0739	湖南	邵阳
  0745	湖南	怀化
  0751	广东	韶关
  0754	广东	汕头
  0757	广东	佛山
  0760	广东	中山
  0766	广东	云浮
  0770	广西	防城港
  0773	广西	桂林
  0776	广西	百色
  0779	广西	北海
  0792	江西	九江
  0795	江西	宜春
  0798	江西	景德镇
  0813	四川	自贡
  0818	四川	达州
  0827	四川	巴中
  0832	四川	内江
  0835	四川	雅安
  0838	四川	德阳
  0852	贵州	遵义
  0855	贵州	黔东南
  0858	贵州	六盘水
  0871	云南	昆明
  0874	云南	曲靖
  0877	云南	玉溪
  0883	云南	临沧
  0888	云南	丽江
  0893	西藏	山南
  0896	西藏	那曲
  0901	新疆	塔城
  0906	新疆	阿勒泰
  0911	陕西	延安
  0914	陕西	商洛
  0917	陕西	宝鸡
  0931	甘肃	兰州
  0934	甘肃	庆阳
  0937	甘肃	嘉峪关
  0941	甘肃	甘南
  0952	宁夏	石嘴山
  0955	宁夏	中卫
  0972	青海	海东
  0975	青海	果洛
  0979	青海	海西
  0992	新疆	伊犁
  0995	新疆	吐鲁番
  0998	新疆	喀什
  """#

/// Bank card BINs (subset). Origin: reference data file cn_bank_bins_caijf.csv, extracted
/// from github.com/caijf/bankcard src/data/bin.ts (MIT).
let embeddedBankBINs = #"""
  bin	bank	card_type	card_length
  620058	中国工商银行	DC	19
  621225	中国工商银行	DC	19
  621226	中国工商银行	DC	19
  427020	中国工商银行	CC	16
  427030	中国工商银行	CC	16
  103	中国农业银行	DC	19
  601427	中国农业银行	DC	19
  620059	中国农业银行	DC	19
  403361	中国农业银行	CC	16
  404117	中国农业银行	CC	16
  456351	中国银行	DC	19
  601382	中国银行	DC	19
  620048	中国银行	DC	16
  409666	中国银行	CC	16
  438088	中国银行	CC	16
  421349	中国建设银行	DC	16
  434061	中国建设银行	DC	16
  434062	中国建设银行	DC	16
  436745	中国建设银行	CC	16
  436748	中国建设银行	CC	16
  620013	交通银行	DC	16
  621056801	交通银行	DC	19
  621056802	交通银行	DC	19
  458123	交通银行	CC	16
  458124	交通银行	CC	16
  410062	招商银行	DC	16
  468203	招商银行	DC	16
  512425	招商银行	DC	16
  356889	招商银行	CC	16
  439188	招商银行	CC	16
  620062	中国邮政储蓄银行	DC	19
  621622	中国邮政储蓄银行	DC	19
  621095	中国邮政储蓄银行	DC	19
  622810	中国邮政储蓄银行	CC	16
  622811	中国邮政储蓄银行	CC	16
  90592	兴业银行	DC	16
  451289	兴业银行	CC	16
  451290	兴业银行	CC	16
  415599	中国民生银行	DC	16
  421393	中国民生银行	DC	16
  421865	中国民生银行	DC	16
  356856	中国民生银行	CC	16
  356857	中国民生银行	CC	16
  620530	上海浦东发展银行	DC	19
  621275	上海浦东发展银行	DC	19
  621275101	上海浦东发展银行	DC	19
  356850	上海浦东发展银行	CC	16
  356851	上海浦东发展银行	CC	16
  412962	平安银行	DC	16
  412963	平安银行	DC	16
  415752	平安银行	DC	16
  356868	平安银行	CC	16
  356869	平安银行	CC	16
  433670	中信银行	DC	16
  433671	中信银行	DC	16
  433680	中信银行	DC	16
  356390	中信银行	CC	16
  356391	中信银行	CC	16
  303	中国光大银行	DC	16
  620085	中国光大银行	DC	16
  620518	中国光大银行	DC	16
  356837	中国光大银行	CC	16
  356838	中国光大银行	CC	16
  621222	华夏银行	DC	16
  622630	华夏银行	DC	16
  622631	华夏银行	DC	16
  523959	华夏银行	CC	16
  528708	华夏银行	CC	16
  621462	广东发展银行	DC	19
  622568	广东发展银行	DC	19
  9111	广东发展银行	DC	19
  406365	广东发展银行	CC	16
  406366	广东发展银行	CC	16
  421317	北京银行	DC	16
  422160	北京银行	DC	16
  422161	北京银行	DC	16
  522001	北京银行	CC	16
  622163	北京银行	CC	16
  438600	上海银行	DC	16
  621034	上海银行	DC	16
  622952	上海银行	DC	16
  356827	上海银行	CC	16
  356828	上海银行	CC	16
  622909	兴业银行	DC	18
  601428	交通银行	DC	17
  9558	中国工商银行	DC	19
  """#

/// Surnames with a weight (frequency in 1/100 %) and pinyin. Origin:
/// reference data file cn_surnames.csv (Faker zh_CN and mimesis, both MIT); pinyin from
/// PyPI pypinyin (MIT). Compound surnames get a small fixed weight.
let embeddedSurnames = #"""
  surname	weight	pinyin
  王	717	wang
  李	700	li
  张	674	zhang
  刘	510	liu
  陈	461	chen
  杨	322	yang
  黄	245	huang
  吴	200	wu
  赵	200	zhao
  周	190	zhou
  徐	145	xu
  孙	138	sun
  马	129	ma
  朱	128	zhu
  胡	116	hu
  林	113	lin
  郭	113	guo
  何	106	he
  高	100	gao
  罗	95	luo
  郑	93	zheng
  梁	85	liang
  谢	76	xie
  宋	70	song
  唐	69	tang
  许	66	xu
  邓	62	deng
  冯	62	feng
  韩	61	han
  曹	60	cao
  曾	58	ceng
  彭	58	peng
  萧	56	xiao
  蔡	53	cai
  潘	52	pan
  田	52	tian
  董	51	dong
  袁	50	yuan
  于	1	yu
  余	48	yu
  叶	48	ye
  蒋	48	jiang
  杜	47	du
  苏	46	su
  魏	45	wei
  程	45	cheng
  吕	45	lv
  丁	43	ding
  沈	41	shen
  任	41	ren
  姚	40	yao
  卢	40	lu
  傅	40	fu
  钟	40	zhong
  姜	39	jiang
  崔	38	cui
  谭	38	tan
  廖	37	liao
  范	36	fan
  汪	36	wang
  陆	36	lu
  金	35	jin
  石	34	shi
  戴	34	dai
  贾	33	jia
  韦	32	wei
  夏	32	xia
  邱	32	qiu
  方	31	fang
  侯	30	hou
  邹	30	zou
  熊	29	xiong
  孟	29	meng
  秦	29	qin
  白	28	bai
  江	28	jiang
  阎	27	yan
  薛	26	xue
  尹	26	yin
  段	24	duan
  雷	24	lei
  黎	22	li
  史	21	shi
  龙	21	long
  陶	21	tao
  贺	21	he
  顾	20	gu
  毛	20	mao
  郝	20	hao
  龚	20	gong
  邵	20	shao
  万	19	wan
  钱	19	qian
  严	19	yan
  赖	18	lai
  覃	18	tan
  洪	18	hong
  武	18	wu
  莫	18	mo
  孔	17	kong
  汤	17	tang
  向	17	xiang
  常	16	chang
  温	16	wen
  康	16	kang
  施	15	shi
  文	15	wen
  牛	15	niu
  樊	15	fan
  葛	15	ge
  欧阳	3	ouyang
  万俟	3	moqi
  司马	3	sima
  上官	3	shangguan
  夏侯	3	xiahou
  诸葛	3	zhuge
  闻人	3	wenren
  东方	3	dongfang
  赫连	3	helian
  皇甫	3	huangfu
  尉迟	3	yuchi
  公羊	3	gongyang
  澹台	3	tantai
  公冶	3	gongye
  宗政	3	zongzheng
  濮阳	3	puyang
  淳于	3	chunyu
  单于	3	chanyu
  太叔	3	taishu
  申屠	3	shentu
  """#

/// Characters for given names, most frequent first, by gender. Origin: character counts
/// over the given names in reference data file mimesis_zh_person.json (mimesis, MIT).
let embeddedGivenNameCharacters = #"""
  gender	characters
  M	泽昊浩文晨佳俊恒嘉辰承梓龙子宇煜阳霖钰君博亚玉睿明晗旭天红林奕清鑫国德璇泊洪鸿娜建昱桐洋星然家春曦豪志云鹏恩哲凌易尧杰曜岩函昂骏显景毅吉硕优乐启军松泰宗先会波果至汶光
  F	轩雨萱彤昕梦妮姗若欣怡涵雪月宛思灵艳美颖紫芸佳妍朵莎诺丹一竹娇慧婧姣馨菡琳雯瑾婷岑璐静蕊芊贞芯娴霞佩莹瑶瑞荫艾菲雅晓锦滢姿茜薇诗碧琦妩珏琪贤玲玉蕴忆兰舒蓓蕾俐明萍依洁楠珊晴茹巧恬凤可燕芳叶香芬烨缨璎婴
  """#

/// Occupations (subset). Origin: mimesis zh person.json `occupation` (MIT).
let embeddedOccupations = #"""
  occupation
  民意代表
  行政主管
  企业主管
  经理人
  土木营造监工
  天文学家
  电脑程式设计人员
  系统分析师
  道景师
  建筑师
  交通规划师
  化学工程技术师
  土木工程师
  造景师
  测量员
  销售工程师
  工业工程师
  品质管制工程师
  陶瓷技师
  药师
  兽医师
  公共卫生医师
  中医师
  护理佐理员
  护理师
  学前教育教师
  特殊教育教师
  会计师
  公共关系员
  律师
  心理谘商师
  社会工作师
  人事管理师
  翻译人员
  人力仲介师
  图书管理员
  新闻记者
  报刊杂志编辑人员
  编剧
  书籍编辑
  石雕工
  木雕工
  漫画家
  舞蹈家
  乐器演奏家
  营建及工程管理
  微电脑
  资讯管理师
  幼稚教育教师
  连锁加盟店店长
  行销企划
  电信工程师
  网页设计师
  市调人员
  制程工程师
  电机工程人员
  机械制图工
  建筑制图人员
  摄影工作人员
  商船工作人员
  民航运输驾驶员
  轮机人员
  飞航管制员
  营养师
  眼镜专业人员
  病历管理师
  保险佐理人员
  推销员
  证券商业务人员
  销售代理人员
  房地产经纪人
  采购人员
  进出口办事员
  期货经纪人
  会计员
  商业美术设计师
  室内设计师
  播音员
  美工人员
  职业运动员
  电视节目主持人
  广告AE
  国际贸易从业员
  国际贸易英文文书
  中文打字员
  事务秘书
  资料登录员
  会计师助理
  品质管制助理员
  仓库管理人员
  """#

/// University names (every 40th). Origin: mimesis zh person.json `university` (MIT).
let embeddedUniversities = #"""
  university
  北京大学
  中央美术学院
  北京科技经营管理学院
  天津财经大学珠江学院
  河北民族师范学院
  燕京理工学院
  石家庄邮电职业技术学院
  山西财经大学
  山西体育职业学院
  内蒙古师范大学鸿德学院
  大连理工大学
  大连理工大学城市学院
  辽宁林业职业技术学院
  吉林建筑大学
  吉林司法警官职业学院
  哈尔滨信息工程学院
  黑龙江三江美术职业学院
  上海公安学院
  上海民航职业技术学院
  江苏理工学院
  民办明达职业技术学院
  正德职业技术学院
  南通师范高等专科学校
  浙江大学宁波理工学院
  浙江经贸职业技术学院
  安徽农业大学
  淮北职业技术学院
  安徽国际商务职业学院
  福建中医药大学
  厦门海洋职业技术学院
  泉州工程职业技术学院
  江西科技师范大学理工学院
  赣西科技职业学院
  滨州学院
  山东政法学院
  山东工业职业学院
  威海海洋职业学院
  铁道警察学院
  河南质量工程职业学院
  郑州商贸旅游职业学院
  江汉大学
  武汉职业技术学院
  武汉民政职业学院
  长沙医学院
  湖南铁道职业技术学院
  湖南汽车工程职业学院
  广州体育学院
  中山大学新华学院
  广东司法警官职业学院
  广东信息工程职业学院
  广西师范学院师园学院
  广西中远职业学院
  四川外国语大学重庆南方翻译学院
  重庆经贸职业学院
  电子科技大学成都学院
  眉山职业技术学院
  遵义师范学院
  贵阳职业技术学院
  云南经济管理学院
  云南现代职业技术学院
  西安音乐学院
  陕西职业技术学院
  兰州财经大学
  青海师范大学
  新疆工程学院
  """#

/// The 56 ethnic groups (民族). Origin: reference data file cn_56_ethnic_groups_cpca.csv,
/// from PyPI cpca resources/56_nations.csv (MIT).
let embeddedEthnicGroups = #"""
  ethnic_group
  汉族
  蒙古族
  回族
  藏族
  维吾尔族
  苗族
  彝族
  壮族
  布依族
  朝鲜族
  满族
  侗族
  瑶族
  白族
  土家族
  哈尼族
  哈萨克族
  傣族
  黎族
  傈僳族
  佤族
  畲族
  拉祜族
  水族
  东乡族
  纳西族
  景颇族
  柯尔克孜族
  土族
  达斡尔族
  仫佬族
  羌族
  布朗族
  撒拉族
  毛南族
  仡佬族
  锡伯族
  阿昌族
  普米族
  塔吉克族
  怒族
  乌孜别克族
  俄罗斯族
  鄂温克族
  德昂族
  保安族
  裕固族
  京族
  塔塔尔族
  独龙族
  鄂伦春族
  赫哲族
  门巴族
  珞巴族
  基诺族
  高山族
  """#
