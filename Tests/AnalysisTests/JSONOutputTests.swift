@testable import Analysis
import Foundation
import Testing

@Suite struct JSONOutputTests {
    func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func gateVerdictsSayWhetherARuleWasApplicable() throws {
        let table = try ReportFixtures.table(ReportFixtures.repetitions("a", fps: [100, 101]))
        let rules = try GateRuleFile.parse("version=1\nrule=fast strategy=a metric=fps min=50\nrule=hd strategy=a width=1920 metric=fps min=50\n")
        let verdicts = Gate.evaluate(table, rules: rules)
        let object = try #require(try parse(JSONText.render(verdicts.map { $0.jsonObject() })) as? [[String: Any]])
        #expect(object.map { $0["verdict"] as? String } == ["PASS", "N/A"])
        #expect(object[0]["measured"] as? Double == 100.5)
        #expect(object[1]["measured"] is NSNull)
        #expect(object[1]["applicable"] as? Bool == false)
    }

    @Test func recommendationsNameTheWinnerTheRunnerUpAndTheLead() throws {
        let table = try ReportFixtures.table(ReportFixtures.repetitions("a", fps: [300, 310, 305])
                                             + ReportFixtures.repetitions("b", fps: [100, 101, 99]))
        let recommendations = try Recommendation.make(table, constraints: RecommendationConstraints())
        let object = try #require(try parse(JSONText.render(recommendations.map(\.jsonObject))) as? [[String: Any]])
        let best = try #require(object.first?["recommended"] as? [String: Any])
        #expect(best["strategy"] as? String == "a")
        #expect(best["fps_median"] as? Double == 305)
        #expect(object.first?["lead"] as? String == "clear")
    }

    @Test func csvFieldsBecomeNumbersTextOrNullKeyedByColumn() throws {
        let fields = CSVColumn.allCases.map { column -> String in
            switch column {
            case .strategy: "libav"
            case .fps: "123.5"
            default: ""
            }
        }
        let object: [String: Any] = Dictionary(uniqueKeysWithValues: zip(CSVColumn.allCases, fields).map {
            ($0.rawValue, JSONText.field($1, numeric: $0.isNumeric))
        })
        let parsed = try #require(try parse(JSONText.render([object])) as? [[String: Any]])
        #expect(parsed[0]["strategy"] as? String == "libav")
        #expect(parsed[0]["fps"] as? Double == 123.5)
        #expect(parsed[0]["psnr_db"] is NSNull)
    }
}
