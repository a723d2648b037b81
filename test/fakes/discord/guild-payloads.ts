/**
 * Guild payloads in the two shapes Discord serves them: the REST guild object and the much richer
 * GUILD_CREATE dispatch (channels, members, roles) that discord.js uses to fill its caches.
 */
import {
  type APIChannel,
  type APIGuild,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  type GuildSystemChannelFlags,
  GuildVerificationLevel,
} from "discord.js";
import type { FakeWorld } from "./world.js";

/** The REST shape of the guild (GET /guilds/:id): no channels/members, those come via GUILD_CREATE. */
export function restGuild(world: FakeWorld): APIGuild {
  return {
    id: world.guildId,
    name: world.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: world.defaultUser.id,
    region: "",
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: world.roles,
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: world.textChannelId,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: "en-US" as APIGuild["preferred_locale"],
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

/** GUILD_CREATE payload: everything discord.js needs to fill guild, channel, role and member caches. */
export function guildCreatePayload(world: FakeWorld): GatewayGuildCreateDispatchData {
  const guildChannels = [...world.channels.values()].filter((c) => c.type !== ChannelType.DM);
  return {
    ...restGuild(world),
    joined_at: new Date(Date.now() - 3_600_000).toISOString(),
    large: false,
    unavailable: false,
    member_count: world.members.size,
    voice_states: [],
    members: [...world.members.values()],
    // Gateway channel objects omit guild_id (it is implied by the guild); discord.js adds it back.
    channels: guildChannels.map((c) => {
      const { guild_id: _omit, ...rest } = c as APIChannel & { guild_id?: string };
      return rest;
    }) as GatewayGuildCreateDispatchData["channels"],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
