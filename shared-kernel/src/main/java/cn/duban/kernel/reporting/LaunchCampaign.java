package cn.duban.kernel.reporting;

import java.time.LocalDate;

/** Launch a rectification campaign for a unit. */
public record LaunchCampaign(String campaignId, String unitId, String kind, String title, LocalDate launchedOn) {}
